import type { StartLazyDetectors } from '../types.js';
import { detectForms } from './forms.js';
import { watchOutsideEffects } from './outside-effects.js';
import { detectThrash } from './thrash.js';

/**
 * What the core's detectors can do without at first, in a chunk of their own so it weighs nothing
 * in the core: form struggle, thrashed cursor, and the rarer effects outside the DOM that answer a
 * press. They listen and patch through the core's `listen` and `patch`, so they stop with the
 * client. Returns what to call when a page view ends.
 */
export const startLazyDetectors: StartLazyDetectors = (thresholds, signal, listen, patch, react) => {
  watchOutsideEffects(react, listen, patch);
  detectThrash(thresholds, signal, listen);
  return detectForms(signal, listen);
};
