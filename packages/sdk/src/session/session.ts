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

export interface Sessions {
  readonly anonymousId: string;
  userId: string | undefined;
  /** The current session, renewed first when it has expired. Counts as activity. */
  touch(): SessionRecord;
  current(): SessionRecord;
  /** Persists the latest activity, e.g. before the page goes away. */
  write(): void;
}

const SESSION_KEY = 'session';
const ANONYMOUS_KEY = 'anon';
const USER_KEY = 'user';

/**
 * Session id kept across reloads and tabs through storage, renewed after
 * 30 min without activity or 24 h in all; the anonymous id outlives sessions.
 */
export function createSessions(
  store: KeyValueStore,
  rates: SamplingRates,
  now: () => number = Date.now,
  random: () => number = Math.random,
): Sessions {
  const alive = (record: SessionRecord | undefined): record is SessionRecord => {
    const time = now();
    return !!record && time - record.last < SESSION_INACTIVITY_MS && time - record.start < SESSION_MAX_DURATION_MS;
  };
  const create = (): SessionRecord => {
    const start = now();
    const sampled = random() < rates.sampleRate;
    return { id: newId(), start, last: start, sampled, replay: sampled && random() < rates.replaySampleRate };
  };
  const stored = () => readJson<SessionRecord>(store, SESSION_KEY);
  const anonymousId = store.get(ANONYMOUS_KEY) ?? newId();
  store.set(ANONYMOUS_KEY, anonymousId);
  const restored = stored();
  let record = alive(restored) ? restored : create();
  let lastWrite = 0;
  const write = () => {
    lastWrite = now();
    store.set(SESSION_KEY, JSON.stringify(record));
  };
  write();

  return {
    anonymousId,
    get userId() {
      return store.get(USER_KEY) ?? undefined;
    },
    set userId(value) {
      if (value === undefined) store.remove(USER_KEY);
      else store.set(USER_KEY, value);
    },
    touch() {
      const time = now();
      // Another tab may have renewed or extended the session since we last looked.
      const latest = stored();
      if (alive(latest) && latest.id !== record.id) record = latest;
      if (!alive(record)) {
        record = create();
        write();
        return record;
      }
      record.last = Math.max(record.last, time);
      if (time - lastWrite >= SESSION_TOUCH_WRITE_INTERVAL_MS) write();
      return record;
    },
    current: () => record,
    write,
  };
}
