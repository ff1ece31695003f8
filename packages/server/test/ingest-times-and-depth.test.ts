import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Batch, SnagEvent } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Store } from '../src/store/client.js';
import { BatchingWriter } from '../src/store/writer.js';
import { makeBatch, makeReplayEvent } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

/**
 * Findings 2 and 3 of Trust II: a client time far from now was acknowledged and then
 * unreadable or kept past retention, and deeply nested rrweb data answered 500. Times are
 * now checked after clock-skew correction against the retention window, and nesting is
 * measured before anything recursive runs.
 */

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  await server?.close();
});

const post = (batch: unknown, app = server.app) =>
  request(app)
    .post('/v1/ingest')
    .set('X-Snag-Key', PUBLIC_KEY)
    .set('Content-Type', 'application/json')
    .send(typeof batch === 'string' ? batch : JSON.stringify(batch));

async function storedTimes(sessionId: string): Promise<number[]> {
  const rows = await server.store.query<{ ms: string }>(
    `SELECT toUnixTimestamp64Milli(time) AS ms FROM {db:Identifier}.events FINAL
     WHERE session_id = {session:String} ORDER BY time`,
    { session: sessionId },
  );
  return rows.map((row) => Number(row.ms));
}

function pageEvent(t: number): SnagEvent {
  return {
    id: randomUUID(),
    t,
    type: 'page',
    page_id: 'p1',
    url: 'https://shop.example/orders/8812',
    navigation: 'navigate',
    viewport: { width: 1280, height: 800 },
  };
}

function batchOf(events: SnagEvent[], sentAt = Date.now()): Batch {
  return {
    v: 1,
    sdk: { name: 'curl', version: '1' },
    sent_at: sentAt,
    session: { id: `s-${randomUUID()}`, anonymous_id: 'a1' },
    events,
  };
}

describe('client times', () => {
  it("refuses the finding's batch of 150 months from 2020 on, naming the first event in the future", async () => {
    const events = Array.from({ length: 150 }, (_, i) => pageEvent(Date.UTC(2020, 1 + i, 1)));
    const batch = batchOf(events);
    const res = await post(batch).expect(400);
    const firstFuture = events.findIndex((event) => event.t > Date.now() + 5 * 60_000);
    expect(res.body).toMatchObject({ error: 'time_out_of_range', path: `events.${firstFuture}.t` });
    expect(res.body.message).toMatch(/in the future/);
    expect(await storedTimes(batch.session.id)).toEqual([]);
  });

  it('refuses sent_at 2020 with t 2099, t 2099, and sent_at 2099 with t now', async () => {
    const cases = [
      batchOf([pageEvent(Date.UTC(2099, 11, 31))], Date.UTC(2020, 5, 1)),
      batchOf([pageEvent(Date.UTC(2099, 11, 31))]),
      batchOf([pageEvent(Date.now())], Date.UTC(2099, 0, 1)),
    ];
    for (const batch of cases) {
      const res = await post(batch).expect(400);
      expect(res.body).toMatchObject({ error: 'time_out_of_range', path: 'events.0.t' });
      expect(await storedTimes(batch.session.id)).toEqual([]);
    }
  });

  it('refuses events older than the retention window', async () => {
    const shortRetention: Store = { ...server.store, config: { ...server.store.config, retentionDays: 30 } };
    const writer = new BatchingWriter(shortRetention, { flushIntervalMs: 5 });
    const app = createApp({ store: shortRetention, writer, adminToken: ADMIN_TOKEN });
    const old = Date.now() - 31 * 86_400_000;
    const res = await post(batchOf([pageEvent(Date.now() - 1_000), pageEvent(old)]), app).expect(400);
    expect(res.body).toMatchObject({ error: 'time_out_of_range', path: 'events.1.t' });
    expect(res.body.message).toMatch(/older than the 30-day retention/);
    await post(batchOf([pageEvent(Date.now() - 29 * 86_400_000)]), app).expect(202);
    await writer.close();
  });

  it("stores a skewed client's events at server time: a clock a day ahead is corrected, not refused", async () => {
    const day = 86_400_000;
    const now = Date.now();
    const batch = batchOf([pageEvent(now + day - 2_000), pageEvent(now + day - 1_000)], now + day);
    await post(batch).expect(202);
    const times = await storedTimes(batch.session.id);
    expect(times).toHaveLength(2);
    for (const time of times) expect(Math.abs(time - now)).toBeLessThan(10_000);
  });
});

/** `[[[…]]]` nested `depth` levels deep. */
function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

function replayBatchJson(data: string): string {
  const batch = makeBatch();
  const replay = makeReplayEvent({ rrweb: [{ type: 2, timestamp: Date.now() - 1_000, data: { node: '__NESTED__' } }] });
  return JSON.stringify({ ...batch, events: [replay] }).replace('"__NESTED__"', data);
}

describe('nesting', () => {
  it('answers 400 too_deep, not 500, for rrweb data nested 200,000 deep', async () => {
    const res = await post(replayBatchJson(nested(200_000))).expect(400);
    expect(res.body).toMatchObject({ error: 'too_deep' });
    expect(res.body.message).toMatch(/deeper than 2048 levels/);
  });

  it('answers 400 too_deep for the same inside a gzip-base64 replay chunk, naming the event', async () => {
    const inner = `[{"type":2,"timestamp":${Date.now() - 1_000},"data":{"node":${nested(200_000)}}}]`;
    const batch = makeBatch();
    const replay = makeReplayEvent({ data: gzipSync(inner).toString('base64') });
    const res = await post({ ...batch, events: [...batch.events, replay] }).expect(400);
    expect(res.body).toMatchObject({ error: 'too_deep', path: `events.${batch.events.length}.data` });
  });

  it('stores a recording nested 1,500 deep (deeper than any page a browser parses)', async () => {
    const json = replayBatchJson(nested(1_500));
    const sessionId = (JSON.parse(json) as Batch).session.id;
    await post(json).expect(202);
    const rows = await server.store.query<{ n: string }>(
      'SELECT count() AS n FROM {db:Identifier}.replay_chunks WHERE session_id = {session:String}',
      { session: sessionId },
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('is not fooled by brackets inside strings', async () => {
    const batch = makeBatch();
    const withBrackets = { ...batch, events: batch.events.map((event) => ({ ...event })) };
    const first = withBrackets.events[0] as { title?: string };
    first.title = `${'['.repeat(200)}"\\${'{'.repeat(200)}`.slice(0, 250);
    await post(withBrackets).expect(202);
  });
});
