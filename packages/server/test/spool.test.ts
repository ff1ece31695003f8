import { readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { Spool } from '../src/store/spool.js';
import { BatchingWriter } from '../src/store/writer.js';
import { makeBatch } from './helpers/batches.js';
import { flakyStore } from './helpers/flaky-store.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function storedEvents(sessionIds: string[]): Promise<number> {
  const rows = await server.store.query<{ n: string }>(
    'SELECT count() AS n FROM {db:Identifier}.events FINAL WHERE session_id IN {ids:Array(String)}',
    { ids: sessionIds },
  );
  return Number(rows[0]?.n);
}

function setup(name: string, maxBytes = 64 * 1024 * 1024) {
  const { flaky, state } = flakyStore(server.store);
  const dir = path.join(server.dataDir, name);
  const spool = new Spool(dir, maxBytes, flaky);
  const writer = new BatchingWriter(flaky, { flushIntervalMs: 5 }, spool);
  const app = createApp({ store: flaky, writer, spool, adminToken: ADMIN_TOKEN });
  return { state, dir, spool, writer, app };
}

describe('disk spool', () => {
  it('acknowledges batches while ClickHouse is down and writes them, once, when it is back', async () => {
    const { state, dir, spool, writer, app } = setup('spool-a');
    const batches = Array.from({ length: 6 }, () => makeBatch());
    for (const batch of batches.slice(0, 3)) {
      await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    }
    const ids = batches.map((batch) => batch.session.id);
    expect(await storedEvents(ids)).toBe(0);
    expect(spool.stats().files).toBeGreaterThan(0);
    expect(readdirSync(dir).every((file) => file.endsWith('.jsonl'))).toBe(true);

    const ready = await request(app).get('/readyz');
    expect(ready.body.spool).toMatchObject({ files: spool.stats().files, draining: true });

    state.down = false;
    // Rows that arrive while a backlog exists queue behind it, keeping the order.
    for (const batch of batches.slice(3)) {
      await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    }
    await spool.drained();
    expect(spool.stats()).toMatchObject({ files: 0, bytes: 0 });
    expect(readdirSync(dir)).toEqual([]);
    expect(await storedEvents(ids)).toBe(6 * 6);
    await writer.close();
    await spool.close();
  });

  it('answers 503 spool_full with Retry-After when the spool is at its cap, storing nothing', async () => {
    const { app, writer, spool } = setup('spool-b', 2_000);
    const batch = makeBatch();
    const res = await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body.error).toBe('spool_full');
    expect(spool.stats().files).toBe(0);
    await writer.close();
    await spool.close();
  });

  it('keeps the backlog across a restart and replays it at the next start', async () => {
    const first = setup('spool-c');
    const batch = makeBatch();
    await request(first.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    await first.writer.close();
    await first.spool.close();
    expect(readdirSync(first.dir).length).toBeGreaterThan(0);

    const restarted = new Spool(first.dir, 64 * 1024 * 1024, server.store);
    await restarted.drained();
    expect(await storedEvents([batch.session.id])).toBe(batch.events.length);
    expect(readdirSync(first.dir)).toEqual([]);
    await restarted.close();
  });
});
