import { DETECTORS_GLOBAL } from '../constants.js';
import { startLazyDetectors } from '../detect/lazy-detectors.js';

// The script-tag build loads this file once the core runs; it hands the detectors to the core through a global.
(window as unknown as Record<string, unknown>)[DETECTORS_GLOBAL] = startLazyDetectors;
