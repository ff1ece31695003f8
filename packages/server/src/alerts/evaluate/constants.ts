import { DAY_MS } from '../../analytics/constants.js';

/** How often the server evaluates the alert rules and the digests (default of SNAG_ALERTS_INTERVAL_S). */
export const DEFAULT_ALERT_INTERVAL_MS = 5 * 60_000;
/** `new_hotspot`: the last 7 days, against the 7 days before. */
export const NEW_HOTSPOT_WINDOW_MS = 7 * DAY_MS;
/** …and a new hotspot alerts once per 28 days. */
export const NEW_HOTSPOT_DEDUPE_MS = 28 * DAY_MS;
/** `above_baseline`: the last 24 h against the daily level of the 28 days before. */
export const BASELINE_DAYS = 28;
/** A hotspot with no occurrence in the baseline counts as this many sessions a day (so a first burst can alert). */
export const BASELINE_FLOOR_PER_DAY = 0.1;
/** `page_struggle_rate` and `above_baseline` judge the last 24 h and alert once per day per hotspot or page. */
export const DAILY_WINDOW_MS = DAY_MS;
/** `release_regression`: releases seen in the last 90 days; each release regresses a hotspot once. */
export const RELEASE_WINDOW_MS = 90 * DAY_MS;
/** Hotspots read per rule and evaluation (ranked by impact). */
export const HOTSPOTS_PER_CHECK = 200;
/** Alerts one rule may send per evaluation at most (the rest wait for the next one). */
export const MAX_ALERTS_PER_RULE = 10;
/** Replay links in an alert. */
export const ALERT_REPLAY_LINKS = 3;
/** A lease claim for a round is read back after this long, so that every server's claim is visible. */
export const LEASE_SETTLE_MS = 1_500;
