import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { makeBatch } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
const lines: Array<Record<string, unknown>> = [];
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  server = await createTestServer();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  app = createApp({ store: server.store, writer: server.writer, adminToken: ADMIN_TOKEN, logger: pino(sink) });
});
afterAll(async () => {
  await server?.close();
});

describe('metrics and logs', () => {
  it('exports Prometheus metrics to the admin token only', async () => {
    await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(makeBatch()).expect(202);
    await request(app).post('/v1/ingest').set('X-Snag-Key', 'pk_unknown').send(makeBatch()).expect(401);
    await request(app).get('/metrics').expect(401);
    const res = await request(app).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('snag_ingest_requests_total{outcome="accepted"} 1');
    expect(res.text).toContain('snag_ingest_requests_total{outcome="unknown_key"} 1');
    expect(res.text).toContain('snag_ingest_events_total 6');
    expect(res.text).toMatch(/snag_http_request_seconds_count\{method="POST",route="\/v1\/ingest",status="202"\} 1/);
    expect(res.text).toContain('snag_writer_pending_rows 0');
    expect(res.text).toContain('snag_process_resident_memory_bytes');
  });

  it('logs one JSON line per request with its id, path and status, never the key or token', async () => {
    lines.length = 0;
    await request(app)
      .post(`/v1/ingest?key=${PUBLIC_KEY}`)
      .set('X-Request-Id', 'req-abc-123')
      .set('Content-Type', 'application/json')
      .send('{broken')
      .expect(400)
      .expect('X-Request-Id', 'req-abc-123');
    await request(app).get('/api/v1/projects/default/sessions/nope').set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    const [ingest, api] = lines;
    expect(ingest).toMatchObject({
      msg: 'request',
      request_id: 'req-abc-123',
      method: 'POST',
      path: '/v1/ingest',
      status: 400,
      error: 'invalid_json',
    });
    expect(api).toMatchObject({ path: '/api/v1/projects/default/sessions/nope', status: 404 });
    const text = JSON.stringify(lines);
    expect(text).not.toContain(PUBLIC_KEY);
    expect(text).not.toContain(ADMIN_TOKEN);
  });
});

describe('access log redaction', () => {
  it('never logs a share-link token, the dashboard share page token or the person being erased', async () => {
    const created = await request(app)
      .post('/api/v1/projects/default/share-links')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ from: '2026-01-01', to: '2026-01-02' })
      .expect(201);
    const shareUrl = created.body.url as string;
    const token = shareUrl.split('/').pop() as string;
    lines.length = 0;
    await request(app).get(shareUrl).expect(200);
    await request(app).get(`/SHARE/reports/${token}?format=md`).expect(200);
    await request(app).get(`/shared/${token}`);
    await request(app)
      .delete('/api/v1/projects/default/people/jane.doe@example.com')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    await request(app)
      .delete('/api/v1/projects/default/invites/0123456789abcdef0123456789abcdef')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(lines.map((line) => line.path)).toEqual([
      '/share/reports/[redacted]',
      '/SHARE/reports/[redacted]',
      '/shared/[redacted]',
      '/api/v1/projects/default/people/[redacted]',
      '/api/v1/projects/default/invites/[redacted]',
    ]);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(token.slice(0, 16));
    expect(text).not.toContain('jane.doe');
    expect(text).not.toContain('0123456789abcdef');
  });
});
