export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Share of the wait drawn at random, 0–1. */
  jitter: number;
}

/**
 * The wait after `attempts` failed attempts: base × 2^(attempts − 1), at most `maxMs`,
 * minus up to `jitter` of it at random (so it never exceeds the exponential schedule).
 */
export function backoffDelayMs(attempts: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (1 - options.jitter * random()));
}
