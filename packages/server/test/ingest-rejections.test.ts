import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { MAX_REPLAY_CHUNK_BYTES } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { BatchingWriter } from '../src/store/writer.js';
import { makeBatch } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  await server?.close();
});

const ingest = () => request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY);

async function storedEventCount(sessionId: string): Promise<number> {
  const rows = await server.store.query<{ n: string }>(
    'SELECT count() AS n FROM {db:Identifier}.events WHERE session_id = {session:String}',
    { session: sessionId },
  );
  return Number(rows[0]?.n);
}

describe('ingest rejections', () => {
  it('401 without a key, and with an unknown key', async () => {
    const batch = makeBatch();
    const missing = await request(server.app).post('/v1/ingest').send(batch);
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: 'missing_key', message: expect.stringMatching(/X-Snag-Key/) });
    const unknown = await request(server.app).post('/v1/ingest').set('X-Snag-Key', 'pk_nobody').send(batch);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({ error: 'unknown_key', message: 'unknown project key' });
  });

  it('415 for a body that is neither JSON nor text, or an unsupported encoding', async () => {
    const form = await ingest().set('Content-Type', 'application/x-www-form-urlencoded').send('a=1');
    expect(form.status).toBe(415);
    expect(form.body.error).toBe('unsupported_media_type');
    const brotli = await ingest()
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'br')
      .send(JSON.stringify(makeBatch()));
    expect(brotli.status).toBe(415);
    expect(brotli.body.error).toBe('unsupported_encoding');
  });

  it('400 for malformed JSON and for data that is not gzip', async () => {
    const bad = await ingest().set('Content-Type', 'application/json').send('{"v":1,');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_json');
    // text/plain: supertest would JSON-serialise a Buffer sent as application/json.
    const notGzip = await ingest()
      .set('Content-Type', 'text/plain')
      .set('Content-Encoding', 'gzip')
      .send(Buffer.from('plainly not gzip'));
    expect(notGzip.status).toBe(400);
    expect(notGzip.body.error).toBe('invalid_gzip');
  });

  it('400 naming the first invalid field, and nothing of the batch is stored', async () => {
    const batch = makeBatch();
    (batch.events[3] as unknown as { t: string }).t = 'yesterday';
    const res = await ingest().send(batch);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_batch', path: 'events.3.t' });
    expect(res.body.message).toMatch(/^events\.3\.t: /);
    expect(await storedEventCount(batch.session.id)).toBe(0);
  });

  it('400 for unknown keys, wrong versions, unknown event types and hostile ids', async () => {
    const cases: Array<[string, (batch: Record<string, unknown>) => void, string]> = [
      ['unknown top-level key', (b) => Object.assign(b, { admin: true }), ''],
      ['unknown event key', (b) => Object.assign((b.events as object[])[0] as object, { extra: 1 }), 'events.0'],
      ['wrong version', (b) => Object.assign(b, { v: 2 }), 'v'],
      [
        'unknown event type',
        (b) => Object.assign((b.events as object[])[1] as object, { type: 'hack' }),
        'events.1.type',
      ],
      ['SQL in an id', (b) => Object.assign(b.session as object, { id: "x'; DROP TABLE events; --" }), 'session.id'],
      [
        'javascript: URL',
        (b) => Object.assign((b.events as object[])[0] as object, { url: 'javascript:alert(1)' }),
        'events.0.url',
      ],
      ['too many events', (b) => Object.assign(b, { events: Array(501).fill((b.events as object[])[0]) }), 'events'],
      [
        'nested properties',
        (b) => Object.assign((b.events as object[])[3] as object, { details: { a: { b: 1 } } }),
        'events.3.details.a',
      ],
    ];
    for (const [name, mutate, path] of cases) {
      const batch = makeBatch() as unknown as Record<string, unknown>;
      mutate(batch);
      const res = await ingest().send(batch);
      expect(res.status, name).toBe(400);
      expect(res.body.error, name).toBe('invalid_batch');
      expect(res.body.path, name).toBe(path);
    }
  });

  it('413 over the body limit, checked on the decompressed size too (gzip bomb)', async () => {
    const limits = { maxBodyBytes: 64 * 1024, maxDecompressedBytes: 256 * 1024 };
    const app = createApp({ store: server.store, writer: server.writer, adminToken: ADMIN_TOKEN, bodyLimits: limits });
    const big = await request(app)
      .post('/v1/ingest')
      .set('X-Snag-Key', PUBLIC_KEY)
      .set('Content-Type', 'application/json')
      .send(randomBytes(100 * 1024).toString('hex'));
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('payload_too_large');

    // 1 GB of zeros compresses to ~1 MB; 20 MB compresses to ~20 KB, under the wire limit.
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(limits.maxBodyBytes);
    const before = process.memoryUsage().rss;
    const res = await request(app)
      .post('/v1/ingest')
      .set('X-Snag-Key', PUBLIC_KEY)
      .set('Content-Type', 'text/plain')
      .set('Content-Encoding', 'gzip')
      .send(bomb);
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/decompressed body exceeds/);
    expect(process.memoryUsage().rss - before).toBeLessThan(15 * 1024 * 1024);
  });

  const replayChunk = (id: string, t: number, decodedBytes: number) =>
    ({
      id,
      t,
      type: 'replay',
      page_id: 'p',
      url: 'https://shop.example/',
      seq: 0,
      full_snapshot: true,
      encoding: 'gzip-base64',
      data: gzipSync(rrwebJsonOf(t, decodedBytes)).toString('base64'),
    }) as const;
  /** Valid rrweb events (one custom event) of exactly `bytes` bytes of JSON. */
  const rrwebJsonOf = (t: number, bytes: number) => {
    const shell = (pad: string) => JSON.stringify([{ type: 5, timestamp: t, data: { tag: 'pad', payload: { pad } } }]);
    return shell('x'.repeat(Math.max(0, bytes - shell('').length)));
  };

  it('413 for a replay chunk whose gzip payload expands past its limit', async () => {
    const batch = makeBatch();
    batch.events.push(replayChunk('replay-bomb', batch.events[0]?.t ?? Date.now(), MAX_REPLAY_CHUNK_BYTES + 1));
    const res = await ingest().send(batch);
    expect(res.status).toBe(413);
    expect(res.body.path).toBe('events.6.data');
    expect(await storedEventCount(batch.session.id)).toBe(0);
  });

  it('accepts a full snapshot over 8 MiB decoded (a 60,000-cell page) within the limit', async () => {
    const batch = makeBatch();
    const t = batch.events[0]?.t ?? Date.now();
    batch.events.push(replayChunk('big-snapshot', t, 9 * 1024 * 1024));
    await ingest().send(batch).expect(202);
  });

  it('413 when the chunks of one batch together expand past the limit, each under it', async () => {
    const batch = makeBatch();
    const t = batch.events[0]?.t ?? Date.now();
    const share = Math.floor(MAX_REPLAY_CHUNK_BYTES / 3) + 1;
    batch.events.push(replayChunk('r1', t, share), replayChunk('r2', t, share), replayChunk('r3', t, share));
    const res = await ingest().send(batch);
    expect(res.status).toBe(413);
    expect(res.body.path).toBe('events.8.data');
    expect(await storedEventCount(batch.session.id)).toBe(0);
  });

  it('503 with Retry-After when the writer is overloaded, and the next batch is accepted again', async () => {
    const writer = new BatchingWriter(server.store, { maxPendingRows: 3 });
    const app = createApp({ store: server.store, writer, adminToken: ADMIN_TOKEN });
    const res = await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(makeBatch());
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body.error).toBe('overloaded');
    const small = makeBatch();
    small.events = small.events.slice(0, 2);
    await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(small).expect(202);
    await writer.close();
  });

  it('503 with Retry-After when the store rejects the write, never a partial 202', async () => {
    const failing = { ...server.store, insertJsonLines: () => Promise.reject(new Error('connection refused')) };
    const writer = new BatchingWriter(failing, { flushIntervalMs: 5 });
    const app = createApp({ store: failing, writer, adminToken: ADMIN_TOKEN });
    const batch = makeBatch();
    const res = await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error).toBe('store_unavailable');
    expect(await storedEventCount(batch.session.id)).toBe(0);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await request(server.app).get('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not_found');
  });
});
