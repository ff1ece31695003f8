import { RETRY_BASE_MS, RETRY_MAX_MS } from '../constants.js';

/**
 * Delay before retry number `attempt` (1-based): exponential with "equal jitter"
 * (half fixed, half random) so many clients coming back at once spread out; never
 * sooner than the server's Retry-After.
 */
export function retryDelay(attempt: number, retryAfterMs = 0, random: () => number = Math.random): number {
  const exponential = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + (random() * exponential) / 2;
  return Math.max(retryAfterMs, jittered);
}

/** Retry-After as seconds or an HTTP date, in ms from now; 0 when absent or invalid. */
export function parseRetryAfter(header: string | null, now = Date.now()): number {
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 0 : Math.max(0, date - now);
}
