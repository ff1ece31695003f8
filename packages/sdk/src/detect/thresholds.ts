import {
  CLICK_MAX_WAIT_MS,
  CLICK_RENDER_GRACE_MS,
  CLICK_REQUEST_MS,
  DEAD_CLICK_MS,
  DOM_CHURN_INPUT_MS,
  DOM_CHURN_MEMORY_MS,
  ERROR_CLICK_MS,
  RAGE_CLICK_ANY_GAP_MS,
  RAGE_CLICK_ANY_MIN_CLICKS,
  RAGE_CLICK_GAP_MS,
  RAGE_CLICK_MIN_CLICKS,
  RAGE_CLICK_RADIUS_PX,
  REACTION_NEAR_LEVELS,
  SLOW_CLICK_MS,
  THRASH_LEG_PX,
  THRASH_MIN_REVERSALS,
  THRASH_WINDOW_MS,
} from '../constants.js';

/** The detectors' thresholds; the `detect` option overrides any of them by name. */
export const DETECT_DEFAULTS = {
  rageClickMinClicks: RAGE_CLICK_MIN_CLICKS,
  rageClickGapMs: RAGE_CLICK_GAP_MS,
  rageClickAnyMinClicks: RAGE_CLICK_ANY_MIN_CLICKS,
  rageClickAnyGapMs: RAGE_CLICK_ANY_GAP_MS,
  rageClickRadiusPx: RAGE_CLICK_RADIUS_PX,
  reactionNearLevels: REACTION_NEAR_LEVELS,
  deadClickMs: DEAD_CLICK_MS,
  slowClickMs: SLOW_CLICK_MS,
  clickRequestMs: CLICK_REQUEST_MS,
  clickRenderGraceMs: CLICK_RENDER_GRACE_MS,
  clickMaxWaitMs: CLICK_MAX_WAIT_MS,
  errorClickMs: ERROR_CLICK_MS,
  domChurnMemoryMs: DOM_CHURN_MEMORY_MS,
  domChurnInputMs: DOM_CHURN_INPUT_MS,
  thrashMinReversals: THRASH_MIN_REVERSALS,
  thrashLegPx: THRASH_LEG_PX,
  thrashWindowMs: THRASH_WINDOW_MS,
};

export type DetectThresholds = typeof DETECT_DEFAULTS;

/** Defaults with the overrides that are non-negative numbers; `false` turns detection off. */
export function resolveThresholds(input: Partial<DetectThresholds> | false | undefined): DetectThresholds | false {
  if (input === false) return false;
  const resolved = { ...DETECT_DEFAULTS };
  for (const [name, value] of Object.entries(input ?? {})) {
    if (name in resolved && typeof value === 'number' && value >= 0) resolved[name as keyof DetectThresholds] = value;
  }
  return resolved;
}
