import { DAY_MS } from '../analytics/constants.js';

/** Default window of a release comparison: releases live longer than a week. */
export const DEFAULT_COMPARE_RANGE_MS = 90 * DAY_MS;
/** Release comparison: a hotspot needs this many affected sessions in base or head to be judged. */
export const COMPARE_MIN_SESSIONS = 5;
/** Release comparison: |z| of the two-proportion z-test above which a rate change is real (95 %). */
export const COMPARE_MIN_Z = 1.96;
