import { describe, expect, it } from 'vitest';
import { clientAddressKey } from '../../src/auth/client-address.js';
import {
  LOGIN_BACKOFF_MAX_MS,
  LOGIN_FAILURE_MEMORY_MS,
  LOGIN_FAILURES_PER_ADDRESS,
  LOGIN_FREE_FAILURES,
} from '../../src/auth/constants.js';
import { LoginThrottle } from '../../src/auth/login-throttle.js';

const HOUR_MS = 3_600_000;

function clock() {
  const state = { now: 1_000_000 };
  return { state, now: () => state.now };
}

/** A guesser that tries again the moment it may: the times of its tries over `spanMs`. */
function guessAsFastAsAllowed(
  throttle: LoginThrottle,
  state: { now: number },
  spanMs: number,
  account: (i: number) => string = () => 'victim@example.com',
) {
  const start = state.now;
  const tries: number[] = [];
  while (state.now < start + spanMs) {
    const wait = throttle.retryAfterSeconds(account(tries.length), '203.0.113.7');
    if (wait > 0) {
      state.now += wait * 1_000;
      continue;
    }
    tries.push(state.now - start);
    throttle.recordFailure(account(tries.length - 1), '203.0.113.7');
  }
  return (hour: number) => tries.filter((t) => t >= hour * HOUR_MS && t < (hour + 1) * HOUR_MS).length;
}

describe('LoginThrottle', () => {
  it('lets a few failures through, then makes each try wait, doubling up to the cap', () => {
    const { state, now } = clock();
    const throttle = new LoginThrottle(now);
    for (let i = 0; i < LOGIN_FREE_FAILURES; i++) {
      expect(throttle.retryAfterSeconds('ada@example.com', '203.0.113.7')).toBe(0);
      throttle.recordFailure('ada@example.com', '203.0.113.7');
    }
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const wait = throttle.retryAfterSeconds('ada@example.com', '203.0.113.7');
      waits.push(wait);
      state.now += wait * 1_000;
      expect(throttle.retryAfterSeconds('ada@example.com', '203.0.113.7')).toBe(0);
      throttle.recordFailure('ada@example.com', '203.0.113.7');
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
    expect(LOGIN_BACKOFF_MAX_MS).toBe(900_000);
  });

  it('never slows the same account from another address', () => {
    const { now } = clock();
    const throttle = new LoginThrottle(now);
    for (let i = 0; i < 50; i++) throttle.recordFailure('ada@example.com', '203.0.113.7');
    expect(throttle.retryAfterSeconds('ada@example.com', '203.0.113.7')).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('ada@example.com', '198.51.100.2')).toBe(0);
    expect(throttle.retryAfterSeconds('admin_token', '198.51.100.2')).toBe(0);
  });

  it('caps failures per address across accounts in a sliding hour', () => {
    const { state, now } = clock();
    const throttle = new LoginThrottle(now);
    for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS; i++) {
      expect(throttle.retryAfterSeconds(`user${i}@example.com`, '203.0.113.7')).toBe(0);
      throttle.recordFailure(`user${i}@example.com`, '203.0.113.7');
      state.now += 1_000;
    }
    const wait = throttle.retryAfterSeconds('fresh@example.com', '203.0.113.7');
    expect(wait).toBe(HOUR_MS / 1_000 - LOGIN_FAILURES_PER_ADDRESS);
    expect(throttle.retryAfterSeconds('fresh@example.com', '198.51.100.2')).toBe(0);
    state.now += wait * 1_000;
    expect(throttle.retryAfterSeconds('fresh@example.com', '203.0.113.7')).toBe(0);
  });

  it('a success clears its pair; failures are forgotten a day after the last one', () => {
    const { state, now } = clock();
    const throttle = new LoginThrottle(now);
    for (let i = 0; i < 6; i++) throttle.recordFailure('ada@example.com', '203.0.113.7');
    throttle.recordSuccess('ada@example.com', '203.0.113.7');
    expect(throttle.retryAfterSeconds('ada@example.com', '203.0.113.7')).toBe(0);
    for (let i = 0; i < 8; i++) throttle.recordFailure('bob@example.com', '198.51.100.9');
    state.now += LOGIN_FAILURE_MEMORY_MS + 1;
    expect(throttle.retryAfterSeconds('bob@example.com', '198.51.100.9')).toBe(0);
    throttle.recordFailure('bob@example.com', '198.51.100.9');
    expect(throttle.retryAfterSeconds('bob@example.com', '198.51.100.9')).toBe(0);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped one as IPv4', () => {
    expect(clientAddressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientAddressKey('192.0.2.1')).toBe('192.0.2.1');
    const { now } = clock();
    const throttle = new LoginThrottle(now);
    for (let i = 0; i < 10; i++) throttle.recordFailure('ada@example.com', `2001:db8:1:2::${i + 1}`);
    expect(throttle.retryAfterSeconds('ada@example.com', '2001:db8:1:2::ffff')).toBeGreaterThan(0);
  });

  it('gives one guesser 15 tries at one account in the first hour, 4 an hour after (docs/access.md)', () => {
    const { state, now } = clock();
    const perHour = guessAsFastAsAllowed(new LoginThrottle(now), state, 24 * HOUR_MS);
    expect([perHour(0), perHour(1), perHour(2), perHour(12), perHour(23)]).toEqual([15, 4, 4, 4, 4]);
  });

  it('gives one address 30 tries an hour across all accounts (docs/access.md)', () => {
    const { state, now } = clock();
    const perHour = guessAsFastAsAllowed(new LoginThrottle(now), state, 6 * HOUR_MS, (i) => `user${i}@example.com`);
    expect([perHour(0), perHour(1), perHour(5)]).toEqual([30, 30, 30]);
  });
});
