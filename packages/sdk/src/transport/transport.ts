import type { SessionInfo, SnagEvent } from '@snag/protocol';
import { MAX_EVENTS_PER_BATCH, PROTOCOL_VERSION } from '@snag/protocol/limits';
import { BATCH_INTERVAL_MS, BATCH_MAX_BYTES, BATCH_MAX_EVENTS, SDK_NAME, SDK_VERSION } from '../constants.js';
import { guard } from '../util/guard.js';
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

interface PendingEvent {
  event: SnagEvent;
  session: SessionInfo;
  bytes: number;
}

/**
 * Batches events (every few seconds or N events), sends one batch at a time,
 * retries with backoff, and keeps unacknowledged batches in the persistent outbox.
 */
export class Transport {
  #pending: PendingEvent[] = [];
  #batchTimer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #inFlight = false;
  #attempts = 0;
  #reportedDrops = 0;
  #waiters: Array<{ ids: string[]; resolve: () => void }> = [];

  readonly #config: TransportConfig;

  constructor(config: TransportConfig) {
    this.#config = config;
  }

  add(event: SnagEvent, session: SessionInfo): void {
    this.#pending.push({ event, session, bytes: JSON.stringify(event).length });
    if (this.#pending.length >= BATCH_MAX_EVENTS) {
      this.#cut();
      this.#pump();
    } else {
      this.#batchTimer ??= setTimeout(
        guard(() => {
          this.#batchTimer = undefined;
          this.#cut();
          this.#pump();
        }),
        BATCH_INTERVAL_MS,
      );
    }
  }

  /** Resolves once every batch queued so far has been acknowledged (or refused) by the server. */
  flush(): Promise<void> {
    this.#cut();
    const ids = this.#config.outbox.items.map((item) => item.id);
    if (ids.length === 0) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.#waiters.push({ ids, resolve }));
    // An explicit flush retries now rather than waiting out the backoff.
    if (this.#retryTimer) {
      clearTimeout(this.#retryTimer);
      this.#retryTimer = undefined;
    }
    this.#pump();
    return done;
  }

  /** Sends what is pending now, without waiting for the batch timer. */
  sendNow(): void {
    this.#cut();
    this.#pump();
  }

  /** Page going away: persist everything and hand what fits to sendBeacon. */
  exit(closed: boolean): void {
    this.#cut();
    const { outbox } = this.#config;
    if (this.#attempts === 0) {
      for (const item of outbox.items) {
        if (item.beaconed) continue;
        if (!sendBeacon(this.#config.ingestUrl, this.#body(item))) break;
        item.beaconed = true;
      }
    }
    outbox.persist(closed);
  }

  /** Resumes a tab restored from the back-forward cache. */
  resume(): void {
    this.#config.outbox.persist(false);
    this.#pump();
  }

  /** Discards everything not yet sent (opt-out, consent withdrawn). */
  clear(): void {
    this.#pending = [];
    this.#config.outbox.clear();
    this.#settleWaiters();
  }

  start(): void {
    this.#config.outbox.adopt();
    this.#pump();
  }

  #cut(): void {
    if (this.#batchTimer) clearTimeout(this.#batchTimer);
    this.#batchTimer = undefined;
    const pending = this.#pending;
    this.#pending = [];
    let current: PendingEvent[] = [];
    let bytes = 0;
    const close = () => {
      if (current.length > 0) this.#enqueue(current, bytes);
      current = [];
      bytes = 0;
    };
    for (const entry of pending) {
      const first = current[0];
      const sameSession =
        first !== undefined &&
        first.session.id === entry.session.id &&
        first.session.user_id === entry.session.user_id &&
        first.session.anonymous_id === entry.session.anonymous_id;
      if (!sameSession || current.length >= MAX_EVENTS_PER_BATCH || bytes + entry.bytes > BATCH_MAX_BYTES) close();
      current.push(entry);
      bytes += entry.bytes;
    }
    close();
    const dropped = this.#config.outbox.dropped;
    if (dropped.batches > this.#reportedDrops) {
      this.#reportedDrops = dropped.batches;
      this.#config.onDropped(dropped.batches, dropped.events);
    }
    this.#settleWaiters();
  }

  #enqueue(entries: PendingEvent[], bytes: number): void {
    const [first] = entries;
    if (!first) return;
    const batch: OutboxItem['batch'] = {
      v: PROTOCOL_VERSION,
      sdk: { name: SDK_NAME, version: SDK_VERSION },
      session: first.session,
      ...(this.#config.release ? { release: this.#config.release } : {}),
      events: entries.map((entry) => entry.event),
    };
    this.#config.outbox.push({ id: newId(), batch, bytes });
  }

  #body(item: OutboxItem): string {
    return JSON.stringify({ ...item.batch, sent_at: Date.now() });
  }

  #pump(): void {
    if (this.#inFlight || this.#retryTimer) return;
    const item = this.#config.outbox.items[0];
    if (!item) return;
    this.#inFlight = true;
    sendBatch(this.#config.fetchFn, this.#config.ingestUrl, this.#body(item))
      .then((result) => {
        this.#inFlight = false;
        if (result.kind === 'retry') {
          this.#attempts++;
          this.#retryTimer = setTimeout(
            guard(() => {
              this.#retryTimer = undefined;
              this.#pump();
            }),
            retryDelay(this.#attempts, result.retryAfterMs),
          );
          return;
        }
        this.#attempts = 0;
        // One invalid event (say, edited by beforeSend) must not cost the rest of its batch.
        if (result.kind === 'rejected' && result.event !== undefined && item.batch.events.length > 1) {
          item.batch.events.splice(result.event, 1);
          this.#config.outbox.persist(false);
          this.#pump();
          return;
        }
        this.#config.outbox.remove(item.id);
        this.#settleWaiters();
        this.#pump();
      })
      .catch(
        guard(() => {
          this.#inFlight = false;
        }),
      );
  }

  #settleWaiters(): void {
    const { outbox } = this.#config;
    this.#waiters = this.#waiters.filter((waiter) => {
      if (waiter.ids.some((id) => outbox.has(id))) return true;
      waiter.resolve();
      return false;
    });
  }
}
