import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { RateLimiter } from '../src/ingest/rate-limiter.js';
import { createProject } from '../src/projects/create-project.js';
import { makeBatch } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('RateLimiter', () => {
  it('allows a burst, then refills at the rate and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 20, 100, () => now);
    expect(limiter.take('a', 20)).toEqual({ allowed: true });
    expect(limiter.take('a', 5)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b', 5)).toEqual({ allowed: true });
    now += 500;
    expect(limiter.take('a', 5)).toEqual({ allowed: true });
    expect(limiter.take('a', 20)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('is off at a rate of 0', () => {
    expect(new RateLimiter(0, 0).take('a', 1_000_000)).toEqual({ allowed: true });
  });
});

describe('ingest rate limits', () => {
  it('429 with Retry-After when a key sends more events than its limit, other keys unaffected', async () => {
    const other = await createProject(server.store, 'Other');
    const app = createApp({
      store: server.store,
      writer: server.writer,
      adminToken: ADMIN_TOKEN,
      rateLimits: { keyEventsPerSecond: 1, ipRequestsPerSecond: 0 },
    });
    // Burst = 10 s of rate = 10 events: one batch of 6 passes, the next does not.
    await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(makeBatch()).expect(202);
    const limited = await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(makeBatch());
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await request(app).post('/v1/ingest').set('X-Snag-Key', other.key).send(makeBatch()).expect(202);
  });

  it('429 per client address, reading X-Forwarded-For only behind a trusted proxy', async () => {
    const app = createApp({
      store: server.store,
      writer: server.writer,
      adminToken: ADMIN_TOKEN,
      rateLimits: { keyEventsPerSecond: 0, ipRequestsPerSecond: 0.1 },
      trustProxy: 1,
    });
    const from = (address: string) =>
      request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).set('X-Forwarded-For', address).send(makeBatch());
    expect((await from('198.51.100.1')).status).toBe(202);
    const limited = await from('198.51.100.1');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('10');
    expect((await from('198.51.100.2')).status).toBe(202);
  });
});
