import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { LOGIN_FAILURES_PER_ADDRESS, LOGIN_FREE_FAILURES } from '../src/auth/constants.js';
import { ADMIN_TOKEN, createTestServer, type TestServer } from './helpers/test-store.js';

/**
 * Trust II, finding 8: failed sign-ins from one address must not lock the rightful
 * owner out from another. The app trusts one proxy hop here, so X-Forwarded-For is
 * the client address.
 */

const PASSWORD = 'correct horse battery';
const GUESSER = '203.0.113.7';
const OWNER = '198.51.100.2';
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await request(server.app)
    .post('/api/v1/users')
    .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
    .send({ email: 'owner@example.com', password: PASSWORD, projects: [{ project: 'default', role: 'owner' }] })
    .expect(201);
});
afterAll(async () => {
  await server?.close();
});

/** A fresh app (fresh throttle) behind one proxy hop. */
const behindProxy = () =>
  createApp({ store: server.store, writer: server.writer, adminToken: ADMIN_TOKEN, trustProxy: 1 });

function login(app: ReturnType<typeof behindProxy>, from: string, body: object) {
  return request(app).post('/api/v1/auth/login').set('X-Forwarded-For', from).send(body);
}

describe('sign-in throttling', () => {
  it('a guesser from one address does not lock the owner out from another', async () => {
    const app = behindProxy();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await login(app, GUESSER, { email: 'owner@example.com', password: `guess ${i}` })).status);
    }
    expect(statuses.slice(0, LOGIN_FREE_FAILURES)).toEqual([401, 401, 401]);
    expect(statuses.slice(LOGIN_FREE_FAILURES).every((status) => status === 429)).toBe(true);

    // The guesser is slowed even when it hits the right password…
    const right = await login(app, GUESSER, { email: 'owner@example.com', password: PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.error).toBe('too_many_attempts');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // …while the owner, elsewhere, signs in at once.
    const owner = await login(app, OWNER, { email: 'owner@example.com', password: PASSWORD });
    expect(owner.status).toBe(200);
    expect(owner.body.principal).toMatchObject({ kind: 'user', email: 'owner@example.com' });
  });

  it('the same holds for the admin token', async () => {
    const app = behindProxy();
    for (let i = 0; i < 10; i++) await login(app, GUESSER, { token: `not-the-token-${i}` });
    expect((await login(app, GUESSER, { token: ADMIN_TOKEN })).status).toBe(429);
    const admin = await login(app, OWNER, { token: ADMIN_TOKEN });
    expect(admin.status).toBe(200);
    expect(admin.body.principal).toEqual({ kind: 'admin_token' });
  });

  it('one address guessing across many accounts is capped, other addresses are not', async () => {
    const app = behindProxy();
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_FAILURES_PER_ADDRESS; i++) {
      statuses.push((await login(app, GUESSER, { email: `guess${i}@example.com`, password: 'guess' })).status);
    }
    expect(statuses.slice(0, LOGIN_FAILURES_PER_ADDRESS).every((status) => status === 401)).toBe(true);
    expect(statuses[LOGIN_FAILURES_PER_ADDRESS]).toBe(429);
    expect((await login(app, OWNER, { email: 'owner@example.com', password: PASSWORD })).status).toBe(200);
  });
});
