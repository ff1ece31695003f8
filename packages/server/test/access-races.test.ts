import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestServer, type TestServer } from './helpers/test-store.js';

/**
 * Trust II, finding 7: ClickHouse has no unique constraints, so concurrent accepts of
 * one invite, or concurrent account creation for one email, must be serialised by the
 * server: one invite makes at most one account, one email at most one user.
 */

const PARALLEL = 10;
const PASSWORD = 'correct horse battery';
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function countUsers(email: string): Promise<number> {
  const rows = await server.store.query<{ n: string }>(
    'SELECT count() AS n FROM {db:Identifier}.users FINAL WHERE email = {email:String} AND disabled = 0',
    { email },
  );
  return Number(rows[0]?.n);
}

async function invite(email: string): Promise<string> {
  const res = await request(server.app)
    .post('/api/v1/projects/default/invites')
    .set(admin)
    .send({ email, role: 'viewer' })
    .expect(201);
  return res.body.token as string;
}

describe('concurrent account creation', () => {
  it(`${PARALLEL} parallel accepts of one invite make one account`, async () => {
    const token = await invite('racer@example.com');
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        request(server.app)
          .post('/api/v1/auth/accept-invite')
          .set('X-Forwarded-For', `10.0.0.${i}`)
          .send({ token, password: PASSWORD }),
      ),
    );
    const statuses = results.map((res) => res.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 201).every((status) => status === 404 || status === 429)).toBe(true);
    expect(await countUsers('racer@example.com')).toBe(1);
    const members = await request(server.app).get('/api/v1/projects/default/members').set(admin).expect(200);
    expect(members.body.members.filter((m: { email: string }) => m.email === 'racer@example.com')).toHaveLength(1);
  });

  it('accepts of two invites for one new email, in parallel, make one account', async () => {
    const tokens = await Promise.all([invite('twice@example.com'), invite('twice@example.com')]);
    const results = await Promise.all(
      tokens.map((token) => request(server.app).post('/api/v1/auth/accept-invite').send({ token, password: PASSWORD })),
    );
    expect(results.map((res) => res.status)).toEqual([201, 201]);
    expect(results[0]?.body.principal.id).toBe(results[1]?.body.principal.id);
    expect(await countUsers('twice@example.com')).toBe(1);
  });

  it(`${PARALLEL} parallel POST /users with one email make one user`, async () => {
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        request(server.app)
          .post('/api/v1/users')
          .set(admin)
          .send({ email: 'dup@example.com', password: PASSWORD, projects: [{ project: 'default', role: 'viewer' }] }),
      ),
    );
    const statuses = results.map((res) => res.status).sort();
    expect(statuses).toEqual([201, ...Array.from({ length: PARALLEL - 1 }, () => 409)]);
    expect(await countUsers('dup@example.com')).toBe(1);
  });
});
