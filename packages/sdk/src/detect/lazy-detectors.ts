import type { StartLazyDetectors } from '../types.js';
import { detectForms } from './forms.js';
import { detectThrash } from './thrash.js';

/**
 * The detectors that need no click history, in a chunk of their own so they weigh nothing in
 * the core: form struggle and thrashed cursor. They listen through the core's `listen`, so they
 * stop with the client. Returns what to call when a page view ends.
 */
export const startLazyDetectors: StartLazyDetectors = (thresholds, signal, listen) => {
  detectThrash(thresholds, signal, listen);
  return detectForms(signal, listen);
};
