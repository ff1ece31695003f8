import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBatch } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ writer: { flushIntervalMs: 50 } });
});
afterAll(async () => {
  await server?.close();
});

const ingest = (body: object) => request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(body);

describe('retries and concurrency', () => {
  it('counts a batch sent twice once, even before ClickHouse merges the duplicates', async () => {
    const batch = makeBatch();
    await ingest(batch).expect(202);
    await ingest({ ...batch, sent_at: batch.sent_at + 30_000 }).expect(202);

    const raw = await server.store.query<{ n: string }>(
      'SELECT count() AS n FROM {db:Identifier}.events WHERE session_id = {session:String}',
      { session: batch.session.id },
    );
    expect(Number(raw[0]?.n)).toBe(batch.events.length * 2);

    const res = await request(server.app)
      .get(`/api/v1/projects/default/sessions/${batch.session.id}`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    expect(res.body.session.events).toBe(batch.events.length);
    expect(res.body.events).toHaveLength(batch.events.length);
    expect(res.body.signals).toHaveLength(1);

    await server.store.command('OPTIMIZE TABLE {db:Identifier}.events FINAL');
    const merged = await server.store.query<{ n: string }>(
      'SELECT count() AS n FROM {db:Identifier}.events WHERE session_id = {session:String}',
      { session: batch.session.id },
    );
    expect(Number(merged[0]?.n)).toBe(batch.events.length);
  });

  it('lands all of 50 concurrent ingests, sharing inserts (group commit)', async () => {
    const before = server.writer.stats();
    const batches = Array.from({ length: 50 }, () => makeBatch());
    const responses = await Promise.all(batches.map((batch) => ingest(batch)));
    expect(responses.map((res) => res.status)).toEqual(Array(50).fill(202));

    const rows = await server.store.query<{ sessions: string; events: string }>(
      `SELECT uniqExact(session_id) AS sessions, count() AS events FROM {db:Identifier}.events FINAL
       WHERE session_id IN {sessions:Array(String)}`,
      { sessions: batches.map((batch) => batch.session.id) },
    );
    expect(Number(rows[0]?.sessions)).toBe(50);
    expect(Number(rows[0]?.events)).toBe(50 * 6);
    const after = server.writer.stats();
    expect(after.rowsWritten - before.rowsWritten).toBe(300);
    expect(after.inserts - before.inserts).toBeLessThan(50);
  });
});
