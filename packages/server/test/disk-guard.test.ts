import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { DiskGuard, freeBytesOf } from '../src/store/disk-guard.js';
import { BatchingWriter } from '../src/store/writer.js';
import { makeBatch, makeReplayEvent } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

/**
 * Self-hosted servers die of full disks. Below the free-space minimum, replay chunks
 * (the bulk of the bytes) wait in the browsers while events still land; below a quarter
 * of it every batch waits. Both say so in /readyz and /metrics.
 */

const MIN_FREE = 1_000 * 1_048_576;
let server: TestServer;
let free = 10 * MIN_FREE;
let disk: DiskGuard;
let app: ReturnType<typeof createApp>;
let writer: BatchingWriter;

beforeAll(async () => {
  server = await createTestServer();
  disk = new DiskGuard(MIN_FREE, async () => free);
  writer = new BatchingWriter(server.store, { flushIntervalMs: 5 });
  app = createApp({ store: server.store, writer, disk, adminToken: ADMIN_TOKEN });
});
afterAll(async () => {
  disk?.close();
  await writer?.close();
  await server?.close();
});

function withReplay() {
  const batch = makeBatch();
  return { ...batch, events: [...batch.events, makeReplayEvent()] };
}

async function stored(table: 'events' | 'replay_chunks', sessionId: string): Promise<number> {
  const rows = await server.store.query<{ n: string }>(
    'SELECT count() AS n FROM {db:Identifier}.{table:Identifier} FINAL WHERE session_id = {session:String}',
    { table, session: sessionId },
  );
  return Number(rows[0]?.n);
}

const post = (batch: unknown) =>
  request(app)
    .post('/v1/ingest')
    .set('X-Snag-Key', PUBLIC_KEY)
    .send(batch as object);

describe('free disk space', () => {
  it('measures the real file system of a folder', async () => {
    expect(await freeBytesOf(server.dataDir)).toBeGreaterThan(0);
  });

  it('when low, stores the events of a batch and refuses its replay chunks with 503 and Retry-After', async () => {
    free = MIN_FREE / 2;
    await disk.check();
    const batch = withReplay();
    const res = await post(batch).expect(503);
    expect(res.body).toMatchObject({ error: 'replay_deferred' });
    expect(res.headers['retry-after']).toBe('60');
    expect(await stored('events', batch.session.id)).toBe(6);
    expect(await stored('replay_chunks', batch.session.id)).toBe(0);

    const eventsOnly = makeBatch();
    await post(eventsOnly).expect(202);
    expect(await stored('events', eventsOnly.session.id)).toBe(6);

    const ready = await request(app).get('/readyz').expect(200);
    expect(ready.body).toMatchObject({ warnings: ['disk_low'], disk: { level: 'low' } });
    const metrics = await request(app).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(metrics.text).toMatch(/snag_disk_level 1/);
    expect(metrics.text).toMatch(/snag_disk_free_bytes 524288000/);

    // Space is back: the client's resend stores the recording, and the events once.
    free = 10 * MIN_FREE;
    await disk.check();
    await post(batch).expect(202);
    expect(await stored('events', batch.session.id)).toBe(6);
    expect(await stored('replay_chunks', batch.session.id)).toBe(1);
  });

  it('when critical, refuses every batch with 503 disk_full and stores nothing', async () => {
    free = MIN_FREE / 10;
    await disk.check();
    const batch = makeBatch();
    const res = await post(batch).expect(503);
    expect(res.body).toMatchObject({ error: 'disk_full' });
    expect(res.headers['retry-after']).toBe('60');
    expect(await stored('events', batch.session.id)).toBe(0);
    const ready = await request(app).get('/readyz').expect(200);
    expect(ready.body.warnings).toEqual(['disk_critical']);
    free = 10 * MIN_FREE;
    await disk.check();
  });
});
