import { clientAddressKey } from './client-address.js';
import {
  LOGIN_ADDRESS_WINDOW_MS,
  LOGIN_BACKOFF_BASE_MS,
  LOGIN_BACKOFF_MAX_MS,
  LOGIN_FAILURE_MEMORY_MS,
  LOGIN_FAILURES_PER_ADDRESS,
  LOGIN_FREE_FAILURES,
  LOGIN_THROTTLE_MAX_KEYS,
} from './constants.js';

export interface LoginThrottleLimits {
  freeFailures: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  failureMemoryMs: number;
  failuresPerAddress: number;
  addressWindowMs: number;
  maxKeys: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = {
  freeFailures: LOGIN_FREE_FAILURES,
  backoffBaseMs: LOGIN_BACKOFF_BASE_MS,
  backoffMaxMs: LOGIN_BACKOFF_MAX_MS,
  failureMemoryMs: LOGIN_FAILURE_MEMORY_MS,
  failuresPerAddress: LOGIN_FAILURES_PER_ADDRESS,
  addressWindowMs: LOGIN_ADDRESS_WINDOW_MS,
  maxKeys: LOGIN_THROTTLE_MAX_KEYS,
};

interface PairRecord {
  failures: number;
  lastFailureAt: number;
}

/**
 * Slows sign-in guessing without letting a guesser lock anyone out.
 *
 * - Per (account, client address): a few failures are free, then each try must wait
 *   after the last failure, the wait doubling with each failure up to a cap.
 * - Per client address, across accounts: at most so many failures in a sliding window.
 *
 * Nothing is counted per account alone, so failures from one address never slow the
 * account's owner signing in from another. A success clears its (account, address) pair.
 */
export class LoginThrottle {
  private readonly pairs = new Map<string, PairRecord>();
  private readonly addresses = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limits: LoginThrottleLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Seconds to wait before this account may be tried from this address, or 0 when it may now. */
  retryAfterSeconds(account: string, ip: string): number {
    const address = clientAddressKey(ip);
    const waitMs = Math.max(this.pairWaitMs(pairKey(account, address)), this.addressWaitMs(address));
    return waitMs > 0 ? Math.ceil(waitMs / 1_000) : 0;
  }

  recordFailure(account: string, ip: string): void {
    const address = clientAddressKey(ip);
    const key = pairKey(account, address);
    const failures = (this.livePair(key)?.failures ?? 0) + 1;
    touch(this.pairs, key, { failures, lastFailureAt: this.now() });
    const times = [...this.recentAddressFailures(address), this.now()].slice(-this.limits.failuresPerAddress);
    touch(this.addresses, address, times);
    evictOldest(this.pairs, this.limits.maxKeys);
    evictOldest(this.addresses, this.limits.maxKeys);
  }

  recordSuccess(account: string, ip: string): void {
    this.pairs.delete(pairKey(account, clientAddressKey(ip)));
  }

  /** How long the pair must wait after its failures so far: 0 for the free ones, then doubling to the cap. */
  backoffMs(failures: number): number {
    const { freeFailures, backoffBaseMs, backoffMaxMs } = this.limits;
    if (failures < freeFailures) return 0;
    return Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.min(failures - freeFailures, 52));
  }

  private pairWaitMs(key: string): number {
    const record = this.livePair(key);
    if (!record) return 0;
    return record.lastFailureAt + this.backoffMs(record.failures) - this.now();
  }

  private addressWaitMs(address: string): number {
    const times = this.recentAddressFailures(address);
    if (times.length < this.limits.failuresPerAddress) return 0;
    const oldest = times[times.length - this.limits.failuresPerAddress] ?? this.now();
    return oldest + this.limits.addressWindowMs - this.now();
  }

  private livePair(key: string): PairRecord | undefined {
    const record = this.pairs.get(key);
    if (record && this.now() - record.lastFailureAt > this.limits.failureMemoryMs) {
      this.pairs.delete(key);
      return undefined;
    }
    return record;
  }

  private recentAddressFailures(address: string): number[] {
    const since = this.now() - this.limits.addressWindowMs;
    const times = (this.addresses.get(address) ?? []).filter((time) => time > since);
    if (times.length === 0) this.addresses.delete(address);
    return times;
  }
}

function pairKey(account: string, address: string): string {
  return `${address}\n${account}`;
}

/** Sets the entry and moves it to the end, so the map's first entry is the least recently used. */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

function evictOldest(map: Map<string, unknown>, max: number): void {
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}
