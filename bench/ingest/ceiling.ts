import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openStore } from '@snag/server';
import { enrichBatch } from '../../packages/server/src/ingest/enrich.js';
import type { EventRow } from '../../packages/server/src/ingest/rows.js';
import type { EncodedBatch } from './batches.js';

/**
 * The ceiling: the same enriched rows, already serialised, inserted straight through
 * @clickhouse/client into a fresh embedded store, in inserts of the size the
 * server's writer made. Only the inserts are timed.
 */
export async function measureCeiling(batches: EncodedBatch[], totalEvents: number, rowsPerInsert: number) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'snag-bench-ceiling-'));
  const store = openStore({ kind: 'embedded', dataDir, database: 'snag', retentionDays: 3650 });
  try {
    await migrate(store);
    const rows: EventRow[] = [];
    for (const { batch } of batches) {
      const enriched = await enrichBatch(batch, {
        projectId: 'default',
        receivedAt: Date.now(),
        userAgent: undefined,
        scrub: true,
        retentionDays: 3650,
      });
      rows.push(...enriched.events);
    }
    const size = Math.max(1, Math.round(rowsPerInsert));
    const lines = rows.map((row) => JSON.stringify(row));
    const bodies: string[] = [];
    for (let written = 0, offset = 0; written < totalEvents; ) {
      const chunk: string[] = [];
      while (chunk.length < size && written + chunk.length < totalEvents)
        chunk.push(lines[offset++ % lines.length] as string);
      bodies.push(`${chunk.join('\n')}\n`);
      written += chunk.length;
    }
    const started = performance.now();
    for (const body of bodies) await store.insertJsonLines('events', body);
    const written = totalEvents;
    const seconds = (performance.now() - started) / 1000;
    return { events: written, seconds, eventsPerSecond: written / seconds };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
