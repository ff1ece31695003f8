import type { SessionInfo, SnagEvent } from '@snag/protocol';
import { PROTOCOL_VERSION } from '@snag/protocol/limits';
import { BATCH_INTERVAL_MS, BATCH_MAX_BYTES, BATCH_MAX_EVENTS, SDK_NAME, SDK_VERSION } from '../constants.js';
import { guard, later } from '../util/guard.js';
import { newId } from '../util/id.js';
import { retryDelay } from './backoff.js';
import type { Outbox, OutboxItem } from './outbox.js';
import { sendBatch, sendBeacon } from './send.js';

export interface TransportConfig {
  ingestUrl: string;
  release?: string;
  fetchFn: typeof fetch;
  outbox: Outbox;
  /** Told how many batches and events the byte cap has dropped since the last call. */
  onDropped(batches: number, events: number): void;
}

export interface Transport {
  add(event: SnagEvent, session: SessionInfo): void;
  /** Resolves once every batch queued so far has been acknowledged (or refused) by the server. */
  flush(): Promise<void>;
  /** Sends what is pending now, without waiting for the batch timer. */
  sendNow(): void;
  /** Page going away: persist everything and hand what fits to sendBeacon. */
  exit(closed: boolean): void;
  /** Resumes a tab restored from the back-forward cache. */
  resume(): void;
  /** Discards everything not yet sent (opt-out, consent withdrawn). */
  clear(): void;
  start(): void;
}

interface OpenBatch {
  session: SessionInfo;
  events: SnagEvent[];
  bytes: number;
}

const isReplay = (event: SnagEvent) => event.type === 'replay';

/**
 * Batches events (every few seconds or N events, one batch per session and at most
 * BATCH_MAX_BYTES), sends one batch at a time, retries with backoff, and keeps
 * unacknowledged batches in the persistent outbox.
 */
export function createTransport(config: TransportConfig): Transport {
  const { outbox } = config;
  let open: OpenBatch | undefined;
  let pending = 0;
  let batchTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let attempts = 0;
  let reportedDrops = 0;
  /** Each waits for the batch that was newest when it started: batches leave the outbox in order. */
  let waiters: Array<{ id: string; resolve: () => void }> = [];

  const settleWaiters = () => {
    waiters = waiters.filter((waiter) => {
      if (outbox.has(waiter.id)) return true;
      waiter.resolve();
      return false;
    });
  };
  const enqueue = () => {
    if (!open) return;
    const { session, events, bytes } = open;
    open = undefined;
    // Without a release the key is left out of the JSON.
    const sdk = { name: SDK_NAME, version: SDK_VERSION };
    const batch = { v: PROTOCOL_VERSION, sdk, session, release: config.release, events } as OutboxItem['batch'];
    outbox.push({ id: newId(), batch, bytes });
  };
  const cut = () => {
    clearTimeout(batchTimer);
    batchTimer = undefined;
    pending = 0;
    enqueue();
    const { dropped } = outbox;
    if (dropped.batches > reportedDrops) {
      reportedDrops = dropped.batches;
      config.onDropped(dropped.batches, dropped.events);
    }
    settleWaiters();
  };
  const body = (item: OutboxItem) => JSON.stringify({ ...item.batch, sent_at: Date.now() });
  const pump = (): void => {
    const item = outbox.items[0];
    if (inFlight || retryTimer || !item) return;
    inFlight = true;
    sendBatch(config.fetchFn, config.ingestUrl, body(item))
      .then((result) => {
        inFlight = false;
        if ('retryAfterMs' in result) {
          const { items } = outbox;
          if (result.replayDeferred) {
            // Its events are stored: keep its recording, and let batches with events go first.
            item.batch.events = item.batch.events.filter(isReplay);
            if (items.some((other) => !other.batch.events.every(isReplay))) {
              items.push(items.shift() as OutboxItem);
              // It is now the newest: whoever waited for any batch waits for it too.
              for (const waiter of waiters) waiter.id = item.id;
              outbox.persist(false);
              pump();
              return;
            }
          }
          retryTimer = later(
            () => {
              retryTimer = undefined;
              pump();
            },
            retryDelay(++attempts, result.retryAfterMs),
          );
          return;
        }
        attempts = 0;
        const { events } = item.batch;
        // One invalid event (say, edited by beforeSend) must not cost the rest of its batch.
        if (result.invalidEvent !== undefined && events.length > 1) {
          events.splice(result.invalidEvent, 1);
          outbox.persist(false);
        } else {
          outbox.remove(item.id);
          settleWaiters();
        }
        pump();
      })
      .catch(
        guard(() => {
          inFlight = false;
        }),
      );
  };
  const sendNow = () => {
    cut();
    pump();
  };

  return {
    add(event, session) {
      const bytes = JSON.stringify(event).length;
      if (open && (!sameSession(open.session, session) || open.bytes + bytes > BATCH_MAX_BYTES)) enqueue();
      open ??= { session, events: [], bytes: 0 };
      open.events.push(event);
      open.bytes += bytes;
      if (++pending >= BATCH_MAX_EVENTS) sendNow();
      else batchTimer ??= later(sendNow, BATCH_INTERVAL_MS);
    },
    flush() {
      cut();
      const newest = outbox.items[outbox.items.length - 1];
      if (!newest) return Promise.resolve();
      const done = new Promise<void>((resolve) => waiters.push({ id: newest.id, resolve }));
      // An explicit flush retries now rather than waiting out the backoff.
      clearTimeout(retryTimer);
      retryTimer = undefined;
      pump();
      return done;
    },
    sendNow,
    exit(closed) {
      cut();
      if (attempts === 0) {
        for (const item of outbox.items) {
          if (item.beaconed) continue;
          if (!sendBeacon(config.ingestUrl, body(item))) break;
          item.beaconed = true;
        }
      }
      outbox.persist(closed);
    },
    resume() {
      outbox.persist(false);
      pump();
    },
    clear() {
      open = undefined;
      pending = 0;
      outbox.clear();
      settleWaiters();
    },
    start() {
      outbox.adopt();
      pump();
    },
  };
}

function sameSession(a: SessionInfo, b: SessionInfo): boolean {
  return a.id === b.id && a.user_id === b.user_id && a.anonymous_id === b.anonymous_id;
}
