import { SESSION_INACTIVITY_MS, SESSION_MAX_DURATION_MS, SESSION_TOUCH_WRITE_INTERVAL_MS } from '../constants.js';
import { newId } from '../util/id.js';
import { type KeyValueStore, readJson } from '../util/storage.js';

/** The session as kept in storage, shared by every tab of the site. */
export interface SessionRecord {
  id: string;
  /** Start and last activity, ms since epoch. */
  start: number;
  last: number;
  /** Whether this session is tracked at all, and recorded (decided once per session). */
  sampled: boolean;
  replay: boolean;
}

export interface SamplingRates {
  sampleRate: number;
  replaySampleRate: number;
}

const SESSION_KEY = 'session';
const ANONYMOUS_KEY = 'anon';
const USER_KEY = 'user';

/**
 * Session id kept across reloads and tabs through storage, renewed after
 * 30 min without activity or 24 h in all; the anonymous id outlives sessions.
 */
export class SessionManager {
  #record: SessionRecord;
  #lastWrite = 0;
  readonly anonymousId: string;

  readonly #store: KeyValueStore;
  readonly #rates: SamplingRates;
  readonly #now: () => number;
  readonly #random: () => number;

  constructor(
    store: KeyValueStore,
    rates: SamplingRates,
    now: () => number = Date.now,
    random: () => number = Math.random,
  ) {
    this.#store = store;
    this.#rates = rates;
    this.#now = now;
    this.#random = random;
    this.anonymousId = store.get(ANONYMOUS_KEY) ?? newId();
    store.set(ANONYMOUS_KEY, this.anonymousId);
    const stored = readJson<SessionRecord>(store, SESSION_KEY);
    this.#record = stored && this.#isAlive(stored) ? stored : this.#create();
    this.write();
  }

  /** The current session, renewed first when it has expired. Counts as activity. */
  touch(): SessionRecord {
    const now = this.#now();
    // Another tab may have renewed or extended the session since we last looked.
    const stored = readJson<SessionRecord>(this.#store, SESSION_KEY);
    if (stored && stored.id !== this.#record.id && this.#isAlive(stored)) this.#record = stored;
    if (!this.#isAlive(this.#record)) {
      this.#record = this.#create();
      this.write();
      return this.#record;
    }
    this.#record.last = Math.max(this.#record.last, now);
    if (now - this.#lastWrite >= SESSION_TOUCH_WRITE_INTERVAL_MS) this.write();
    return this.#record;
  }

  current(): SessionRecord {
    return this.#record;
  }

  get userId(): string | undefined {
    return this.#store.get(USER_KEY) ?? undefined;
  }

  set userId(value: string | undefined) {
    if (value === undefined) this.#store.remove(USER_KEY);
    else this.#store.set(USER_KEY, value);
  }

  /** Persists the latest activity, e.g. before the page goes away. */
  write(): void {
    this.#lastWrite = this.#now();
    this.#store.set(SESSION_KEY, JSON.stringify(this.#record));
  }

  #isAlive(record: SessionRecord): boolean {
    const now = this.#now();
    return now - record.last < SESSION_INACTIVITY_MS && now - record.start < SESSION_MAX_DURATION_MS;
  }

  #create(): SessionRecord {
    const now = this.#now();
    const sampled = this.#random() < this.#rates.sampleRate;
    return {
      id: newId(),
      start: now,
      last: now,
      sampled,
      replay: sampled && this.#random() < this.#rates.replaySampleRate,
    };
  }
}
