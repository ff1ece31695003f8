import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_IP, LOGIN_THROTTLE_WINDOW_MS } from './constants.js';

const MAX_TRACKED_KEYS = 100_000;

/**
 * Counts failed sign-ins per account and per client IP in a sliding window; once
 * either is over its limit, sign-in is refused (429) until the oldest failure in
 * the window ages out — even with the right password, so guessing cannot continue.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limits = { account: LOGIN_FAILURES_PER_ACCOUNT, ip: LOGIN_FAILURES_PER_IP },
  ) {}

  /** Seconds to wait before trying again, or 0 when this attempt may proceed. */
  retryAfterSeconds(account: string, ip: string): number {
    return Math.max(this.wait(`account:${account}`, this.limits.account), this.wait(`ip:${ip}`, this.limits.ip));
  }

  recordFailure(account: string, ip: string): void {
    for (const key of [`account:${account}`, `ip:${ip}`]) {
      const times = this.recent(key);
      times.push(this.now());
      this.failures.delete(key);
      this.failures.set(key, times);
    }
    while (this.failures.size > MAX_TRACKED_KEYS) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  recordSuccess(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private wait(key: string, limit: number): number {
    const times = this.recent(key);
    if (times.length < limit) return 0;
    const oldest = times[times.length - limit] ?? this.now();
    return Math.max(1, Math.ceil((oldest + LOGIN_THROTTLE_WINDOW_MS - this.now()) / 1_000));
  }

  private recent(key: string): number[] {
    const since = this.now() - LOGIN_THROTTLE_WINDOW_MS;
    const times = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }
}
