import { describe, expect, it } from 'vitest';
import type { Store } from '../src/store/client.js';
import { BatchingWriter, WriterClosedError, WriterOverloadedError } from '../src/store/writer.js';

/** A store that records inserts and lets the test decide when each one finishes. */
function recordingStore() {
  const inserts: Array<{ table: string; rows: readonly object[]; finish: (error?: Error) => void }> = [];
  const store = {
    insertJsonLines: (table: string, body: string) =>
      new Promise<void>((resolve, reject) => {
        const rows = body
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as object);
        inserts.push({ table, rows, finish: (error) => (error ? reject(error) : resolve()) });
      }),
  } as unknown as Store;
  return { store, inserts };
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('BatchingWriter', () => {
  it('groups concurrent writes into one insert per table and answers each after it lands', async () => {
    const { store, inserts } = recordingStore();
    const writer = new BatchingWriter(store, { flushIntervalMs: 20 });
    let settled = 0;
    const writes = [1, 2, 3].map((n) =>
      writer.write({ events: [{ n }], replay_chunks: n === 2 ? [{ n }] : [] }).then(() => settled++),
    );
    await tick(40);
    expect(inserts.map((insert) => [insert.table, insert.rows.length])).toEqual([
      ['events', 3],
      ['replay_chunks', 1],
    ]);
    expect(settled).toBe(0);
    inserts[0]?.finish();
    await tick();
    expect(settled).toBe(0);
    inserts[1]?.finish();
    await Promise.all(writes);
    expect(settled).toBe(3);
    expect(writer.stats()).toMatchObject({ inserts: 1, rowsWritten: 4, pendingRows: 0 });
  });

  it('keeps one insert in flight and sends what arrived meanwhile in the next', async () => {
    const { store, inserts } = recordingStore();
    const writer = new BatchingWriter(store, { flushIntervalMs: 5 });
    const first = writer.write({ events: [{ a: 1 }] });
    await tick(20);
    const second = writer.write({ events: [{ b: 1 }] });
    const third = writer.write({ events: [{ c: 1 }] });
    await tick(20);
    expect(inserts).toHaveLength(1);
    inserts[0]?.finish();
    await first;
    await tick(20);
    expect(inserts).toHaveLength(2);
    expect(inserts[1]?.rows).toEqual([{ b: 1 }, { c: 1 }]);
    inserts[1]?.finish();
    await Promise.all([second, third]);
  });

  it('starts an insert at once when a batch fills, without waiting for the interval', async () => {
    const { store, inserts } = recordingStore();
    const writer = new BatchingWriter(store, { flushIntervalMs: 60_000, maxBatchRows: 3 });
    const done = writer.write({ events: [{}, {}, {}] });
    await tick();
    expect(inserts).toHaveLength(1);
    inserts[0]?.finish();
    await done;
  });

  it('rejects every write of a failed insert, and refuses writes past the pending cap', async () => {
    const { store, inserts } = recordingStore();
    const writer = new BatchingWriter(store, { flushIntervalMs: 1, maxPendingRows: 4 });
    const a = writer.write({ events: [{}, {}] });
    const b = writer.write({ events: [{}] });
    await expect(writer.write({ events: [{}, {}] })).rejects.toBeInstanceOf(WriterOverloadedError);
    await tick(10);
    inserts[0]?.finish(new Error('store down'));
    await expect(a).rejects.toThrow('store down');
    await expect(b).rejects.toThrow('store down');
    expect(writer.stats()).toMatchObject({ failedInserts: 1, pendingRows: 0, inFlightRows: 0 });
  });

  it('flushes everything accepted on close and refuses new writes after', async () => {
    const { store, inserts } = recordingStore();
    const writer = new BatchingWriter(store, { flushIntervalMs: 60_000 });
    const pending = writer.write({ events: [{ x: 1 }] });
    const closing = writer.close();
    await tick();
    expect(inserts).toHaveLength(1);
    inserts[0]?.finish();
    await Promise.all([pending, closing]);
    await expect(writer.write({ events: [{}] })).rejects.toBeInstanceOf(WriterClosedError);
  });
});
