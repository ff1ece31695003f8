import type { Batch } from '@snag/protocol';
import type { KeyValueStore } from '../util/storage.js';
import { readJson } from '../util/storage.js';

/** A batch waiting for the server's acknowledgement. `sent_at` is stamped when it is actually sent. */
export interface OutboxItem {
  id: string;
  batch: Omit<Batch, 'sent_at'>;
  bytes: number;
  /** Handed to sendBeacon once; kept until acknowledged since a beacon's fate is unknown. */
  beaconed?: boolean;
}

interface StoredOutbox {
  items: OutboxItem[];
  /** Set when the tab went away, so that another tab (or the next load) adopts the batches. */
  closed: boolean;
  updated: number;
}

const PREFIX = 'q.';
/** A tab whose outbox has not changed for this long is presumed dead (crashed without pagehide). */
const ORPHAN_AFTER_MS = 60 * 60_000;

/**
 * The byte-capped persistent queue of batches, one storage entry per tab so
 * tabs never overwrite each other. Resending after a reload is safe: events
 * carry ids and the server deduplicates them.
 */
export class Outbox {
  items: OutboxItem[] = [];
  dropped = { batches: 0, events: 0 };
  readonly #name: string;

  readonly #store: KeyValueStore;
  readonly #maxBytes: number;

  constructor(store: KeyValueStore, tabId: string, maxBytes: number) {
    this.#store = store;
    this.#maxBytes = maxBytes;
    this.#name = PREFIX + tabId;
  }

  /** Takes over the batches of tabs that are gone, oldest first. */
  adopt(now = Date.now()): void {
    for (const key of this.#store.keys()) {
      if (!key.startsWith(PREFIX) || key === this.#name) continue;
      const stored = readJson<StoredOutbox>(this.#store, key);
      if (stored && !stored.closed && now - stored.updated < ORPHAN_AFTER_MS) continue;
      this.#store.remove(key);
      if (stored) this.items.push(...stored.items);
    }
    this.#enforceCap();
    this.persist(false);
  }

  push(item: OutboxItem): void {
    this.items.push(item);
    this.#enforceCap();
    this.persist(false);
  }

  remove(id: string): void {
    this.items = this.items.filter((item) => item.id !== id);
    this.persist(false);
  }

  has(id: string): boolean {
    return this.items.some((item) => item.id === id);
  }

  clear(): void {
    this.items = [];
    this.#store.remove(this.#name);
  }

  persist(closed: boolean): void {
    if (this.items.length === 0) {
      this.#store.remove(this.#name);
      return;
    }
    const stored: StoredOutbox = { items: this.items, closed, updated: Date.now() };
    if (!this.#store.set(this.#name, JSON.stringify(stored))) this.#shrinkToFit(closed);
  }

  /** Storage quota hit: drop the oldest batches until the rest fits. */
  #shrinkToFit(closed: boolean): void {
    while (this.items.length > 1) {
      this.#drop(0);
      const stored: StoredOutbox = { items: this.items, closed, updated: Date.now() };
      if (this.#store.set(this.#name, JSON.stringify(stored))) return;
    }
  }

  #enforceCap(): void {
    let total = this.items.reduce((sum, item) => sum + item.bytes, 0);
    while (total > this.#maxBytes && this.items.length > 1) {
      total -= this.items[0]?.bytes ?? 0;
      this.#drop(0);
    }
  }

  #drop(index: number): void {
    const [item] = this.items.splice(index, 1);
    if (!item) return;
    this.dropped.batches++;
    this.dropped.events += item.batch.events.length;
  }
}
