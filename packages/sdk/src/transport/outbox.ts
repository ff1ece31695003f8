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

export interface Outbox {
  /** Oldest first; batches leave from the front only, so they leave in order. */
  readonly items: OutboxItem[];
  readonly dropped: { batches: number; events: number };
  /** Takes over the batches of tabs that are gone, oldest first. */
  adopt(now?: number): void;
  push(item: OutboxItem): void;
  remove(id: string): void;
  has(id: string): boolean;
  clear(): void;
  persist(closed: boolean): void;
}

const PREFIX = 'q.';
/** A tab whose outbox has not changed for this long is presumed dead (crashed without pagehide). */
const ORPHAN_AFTER_MS = 60 * 60_000;

/**
 * The byte-capped persistent queue of batches, one storage entry per tab so
 * tabs never overwrite each other. Resending after a reload is safe: events
 * carry ids and the server deduplicates them.
 */
export function createOutbox(store: KeyValueStore, tabId: string, maxBytes: number): Outbox {
  const name = PREFIX + tabId;
  let items: OutboxItem[] = [];
  const dropped = { batches: 0, events: 0 };

  const dropOldest = () => {
    const item = items.shift();
    dropped.batches++;
    dropped.events += item?.batch.events.length ?? 0;
    return item?.bytes ?? 0;
  };
  const save = (closed: boolean) => store.set(name, JSON.stringify({ items, closed, updated: Date.now() }));
  const persist = (closed: boolean) => {
    if (items.length === 0) store.remove(name);
    // Storage quota hit: drop the oldest batches until the rest fits.
    else while (!save(closed) && items.length > 1) dropOldest();
  };
  const enforceCap = () => {
    let total = items.reduce((sum, item) => sum + item.bytes, 0);
    while (total > maxBytes && items.length > 1) total -= dropOldest();
    persist(false);
  };

  return {
    get items() {
      return items;
    },
    dropped,
    adopt(now = Date.now()) {
      for (const key of store.keys()) {
        if (!key.startsWith(PREFIX) || key === name) continue;
        const stored = readJson<StoredOutbox>(store, key);
        if (stored && !stored.closed && now - stored.updated < ORPHAN_AFTER_MS) continue;
        store.remove(key);
        if (stored) items.push(...stored.items);
      }
      enforceCap();
    },
    push(item) {
      items.push(item);
      enforceCap();
    },
    remove(id) {
      items = items.filter((item) => item.id !== id);
      persist(false);
    },
    has: (id) => items.some((item) => item.id === id),
    clear() {
      items = [];
      store.remove(name);
    },
    persist,
  };
}
