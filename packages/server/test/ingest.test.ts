import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBatch, uniqueId } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  await server?.close();
});

const CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

function readSession(sessionId: string) {
  return request(server.app)
    .get(`/api/v1/projects/default/sessions/${sessionId}`)
    .set('Authorization', `Bearer ${ADMIN_TOKEN}`);
}

describe('POST /v1/ingest', () => {
  it('stores a batch and reads it back through the session API', async () => {
    const batch = makeBatch({ userId: 'user-42', release: '2.3.0' });
    const res = await request(server.app)
      .post('/v1/ingest')
      .set('X-Snag-Key', PUBLIC_KEY)
      .set('User-Agent', CHROME_UA)
      .send(batch);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: batch.events.length });

    const read = await readSession(batch.session.id);
    expect(read.status).toBe(200);
    const { session, events, signals } = read.body;
    expect(session).toMatchObject({
      id: batch.session.id,
      project_id: 'default',
      pages: 1,
      events: batch.events.length,
      signals: 1,
      errors: 1,
      user_id: 'user-42',
      anonymous_id: 'anon-1',
      browser: 'Chrome',
      browser_version: '131',
      os: 'Windows',
      device: 'desktop',
      release: '2.3.0',
      entry_url: 'https://shop.example/orders/8812',
    });
    expect(session.duration_ms).toBe(2_500);
    expect(events.map((event: { id: string }) => event.id)).toEqual(batch.events.map((event) => event.id));
    expect(events[1]).toMatchObject({
      type: 'click',
      path: '/orders/8812',
      path_pattern: '/orders/:id',
      element: { selector: '[data-testid="pay"]', tag: 'button', text: 'Pay now', test_id: 'pay' },
      x: 640,
      y: 410,
    });
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ kind: 'rage_click', details: { clicks: 4, window_ms: 900 } });
  });

  it('corrects client clock skew from sent_at', async () => {
    const skewMs = 3_600_000;
    const realNow = Date.now();
    const batch = makeBatch({ t: realNow - skewMs - 3_000, sentAt: realNow - skewMs });
    await request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    const { body } = await readSession(batch.session.id);
    const pageTime = Date.parse(body.events[0].time);
    expect(Math.abs(pageTime - (realNow - 3_000))).toBeLessThan(5_000);
    expect(body.events[0].t).toBe(batch.events[0]?.t);
  });

  it('accepts gzip text/plain bodies with the key in the query string, as sendBeacon sends them', async () => {
    const batch = makeBatch();
    const res = await request(server.app)
      .post(`/v1/ingest?key=${PUBLIC_KEY}`)
      .set('Content-Type', 'text/plain;charset=UTF-8')
      .set('Content-Encoding', 'gzip')
      .send(gzipSync(JSON.stringify(batch)));
    expect(res.status).toBe(202);
    const { body } = await readSession(batch.session.id);
    expect(body.session.events).toBe(batch.events.length);
  });

  it('answers CORS preflights for any origin without credentials', async () => {
    const res = await request(server.app)
      .options('/v1/ingest')
      .set('Origin', 'https://shop.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type, x-snag-key');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-headers']).toMatch(/X-Snag-Key/i);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('stores replay chunks sent inline and gzip-compressed', async () => {
    const sessionId = uniqueId('replay');
    const t = Date.now() - 2_000;
    const rrweb = [
      { type: 4, data: { href: 'https://shop.example/', width: 1280, height: 800 }, timestamp: t },
      { type: 2, data: { node: { type: 0, childNodes: [], id: 1 }, initialOffset: { top: 0, left: 0 } }, timestamp: t },
    ];
    const common = { page_id: 'page-r', url: 'https://shop.example/' };
    const batch = makeBatch({ sessionId, t }, [
      { ...common, id: randomUUID(), t, type: 'replay', seq: 0, full_snapshot: true, encoding: 'json', events: rrweb },
      {
        ...common,
        id: randomUUID(),
        t: t + 10,
        type: 'replay',
        seq: 1,
        full_snapshot: false,
        encoding: 'gzip-base64',
        data: gzipSync(JSON.stringify([{ type: 3, data: { source: 2, type: 2, id: 1 }, timestamp: t + 10 }])).toString(
          'base64',
        ),
      },
    ]);
    await request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    const chunks = await server.store.query<{ seq: number; event_count: number; full_snapshot: number; data: string }>(
      `SELECT seq, event_count, full_snapshot, data FROM {db:Identifier}.replay_chunks FINAL
       WHERE project_id = 'default' AND session_id = {session:String} ORDER BY client_time`,
      { session: sessionId },
    );
    expect(chunks.map((chunk) => [chunk.seq, chunk.event_count, chunk.full_snapshot])).toEqual([
      [0, 2, 1],
      [1, 1, 0],
    ]);
    expect(JSON.parse(chunks[0]?.data ?? '[]')).toEqual(rrweb);
    const { body } = await readSession(sessionId);
    expect(body.session.replay_chunks).toBe(2);
    expect(body.events.some((event: { type: string }) => event.type === 'replay')).toBe(false);
  });

  it('never stores the client IP address', async () => {
    const batch = makeBatch();
    await request(server.app)
      .post('/v1/ingest')
      .set('X-Snag-Key', PUBLIC_KEY)
      .set('X-Forwarded-For', '203.0.113.77')
      .send(batch)
      .expect(202);
    const rows = await server.store.query<{ hits: string }>(
      `SELECT count() AS hits FROM {db:Identifier}.events
       WHERE session_id = {session:String} AND position(toString(tuple(*)), '203.0.113.77') > 0`,
      { session: batch.session.id },
    );
    expect(Number(rows[0]?.hits)).toBe(0);
  });
});

describe('health', () => {
  it('reports liveness and store readiness', async () => {
    await request(server.app).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(server.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', store: { kind: 'embedded', reachable: true } });
  });
});

describe('server-side scrubbing', () => {
  it('replaces emails, card numbers and URL secrets before anything is stored', async () => {
    const batch = makeBatch({ url: 'https://shop.example/reset?email=jane%40example.com&token=s3cr3t-t0ken' });
    const error = batch.events.find((event) => event.type === 'error');
    if (error?.type === 'error') error.message = 'Payment for jane@example.com with 4242 4242 4242 4242 failed';
    await request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);

    const rows = await server.store.query<{ hits: string }>(
      `SELECT count() AS hits FROM {db:Identifier}.events
       WHERE session_id = {session:String}
         AND multiSearchAny(toString(tuple(*)), ['jane', 's3cr3t', '4242 4242'])`,
      { session: batch.session.id },
    );
    expect(Number(rows[0]?.hits)).toBe(0);
    const { body } = await readSession(batch.session.id);
    expect(body.events[0].url).toBe('https://shop.example/reset?email=[email]&token=[redacted]');
    expect(body.events[4].message).toBe('Payment for [email] with [card] failed');
  });
});
