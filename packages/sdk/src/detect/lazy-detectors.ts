import type { StartLazyDetectors } from '../types.js';
import { detectForms } from './forms.js';
import { watchOutsideEffects } from './outside-effects.js';
import { detectThrash } from './thrash.js';

/**
 * The detectors that need no click history, in a chunk of their own so they weigh nothing in
 * the core: form struggle, thrashed cursor, and the watch on effects outside the DOM. They listen
 * and patch through the core's `listen` and `patch`, so they stop with the client. Returns what to call when a page view ends.
 */
export const startLazyDetectors: StartLazyDetectors = (thresholds, signal, listen, patch, react) => {
  watchOutsideEffects(react, listen, patch);
  detectThrash(thresholds, signal, listen);
  return detectForms(signal, listen);
};
