import type { Batch } from '@snag/protocol';
import { describe, expect, it } from 'vitest';
import { createOutbox, type OutboxItem } from '../src/transport/outbox.js';
import { memoryStore } from '../src/util/storage.js';

function item(id: string, events: number, bytes: number): OutboxItem {
  const batch = { events: new Array(events).fill({ type: 'custom' }) } as unknown as Omit<Batch, 'sent_at'>;
  return { id, batch, bytes };
}

describe('persistent outbox', () => {
  it('drops the oldest batches past the byte cap and counts what it dropped', () => {
    const outbox = createOutbox(memoryStore(), 'tab', 1_000);
    outbox.push(item('a', 2, 400));
    outbox.push(item('b', 3, 400));
    outbox.push(item('c', 1, 400));
    expect(outbox.items.map((entry) => entry.id)).toEqual(['b', 'c']);
    expect(outbox.dropped).toEqual({ batches: 1, events: 2 });
  });

  it('survives a reload: a closed tab’s batches are adopted by the next instance', () => {
    const store = memoryStore();
    const first = createOutbox(store, 'tab-1', 10_000);
    first.push(item('a', 1, 10));
    first.persist(true);
    const second = createOutbox(store, 'tab-2', 10_000);
    second.adopt();
    expect(second.items.map((entry) => entry.id)).toEqual(['a']);
    expect(store.keys()).toEqual(['q.tab-2']);
  });

  it('leaves the batches of a tab that is still open alone', () => {
    const store = memoryStore();
    const open = createOutbox(store, 'tab-1', 10_000);
    open.push(item('a', 1, 10));
    const other = createOutbox(store, 'tab-2', 10_000);
    other.adopt();
    expect(other.items).toEqual([]);
    expect(store.keys()).toContain('q.tab-1');
  });

  it('adopts the batches of a tab that vanished without closing', () => {
    const store = memoryStore();
    createOutbox(store, 'tab-1', 10_000).push(item('a', 1, 10));
    const later = createOutbox(store, 'tab-2', 10_000);
    later.adopt(Date.now() + 2 * 60 * 60_000);
    expect(later.items.map((entry) => entry.id)).toEqual(['a']);
  });

  it('removes its storage entry once empty', () => {
    const store = memoryStore();
    const outbox = createOutbox(store, 'tab', 10_000);
    outbox.push(item('a', 1, 10));
    outbox.remove('a');
    expect(store.keys()).toEqual([]);
  });
});
