import { describe, expect, it } from 'vitest';
import { RETRY_BASE_MS, RETRY_MAX_MS } from '../src/constants.js';
import { parseRetryAfter, retryDelay } from '../src/transport/backoff.js';

describe('retry delay', () => {
  it('doubles per attempt with jitter between half and the full step', () => {
    expect(retryDelay(1, 0, () => 0)).toBe(RETRY_BASE_MS / 2);
    expect(retryDelay(1, 0, () => 1)).toBe(RETRY_BASE_MS);
    expect(retryDelay(3, 0, () => 1)).toBe(RETRY_BASE_MS * 4);
  });

  it('is capped', () => {
    expect(retryDelay(40, 0, () => 1)).toBe(RETRY_MAX_MS);
  });

  it('never retries sooner than Retry-After', () => {
    expect(retryDelay(1, 30_000, () => 1)).toBe(30_000);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5_000);
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:10 GMT', now)).toBe(10_000);
  });

  it('ignores absent or invalid values', () => {
    expect(parseRetryAfter(null)).toBe(0);
    expect(parseRetryAfter('soon')).toBe(0);
  });
});
