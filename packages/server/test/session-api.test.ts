import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../src/projects/create-project.js';
import { makeBatch } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
let other: { id: string; key: string };
const defaultBatch = makeBatch();
let otherBatch: ReturnType<typeof makeBatch>;

beforeAll(async () => {
  server = await createTestServer();
  other = await createProject(server.store, 'Web Shop');
  otherBatch = makeBatch();
  await request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(defaultBatch).expect(202);
  await request(server.app).post('/v1/ingest').set('X-Snag-Key', other.key).send(otherBatch).expect(202);
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string, token: string | null = ADMIN_TOKEN) => {
  const req = request(server.app).get(path);
  return token === null ? req : req.set('Authorization', `Bearer ${token}`);
};

describe('GET /api/v1/projects/:project/sessions/:session', () => {
  it('401 without the admin token or with a wrong one', async () => {
    const path = `/api/v1/projects/default/sessions/${defaultBatch.session.id}`;
    const missing = await get(path, null);
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(missing.body.error).toBe('unauthorized');
    expect((await get(path, 'wrong-token-wrong-token')).status).toBe(401);
    expect((await get(path, PUBLIC_KEY)).status).toBe(401);
  });

  it('404 for an unknown session, 400 for a malformed id', async () => {
    const unknown = await get('/api/v1/projects/default/sessions/no-such-session');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('session_not_found');
    const malformed = await get('/api/v1/projects/default/sessions/bad%20id%27');
    expect(malformed.status).toBe(400);
    expect(malformed.body.path).toBe('session');
  });

  it('scopes every read to one project: a key writes only to its own project', async () => {
    expect(other.id).toBe('web-shop');
    expect((await get(`/api/v1/projects/web-shop/sessions/${otherBatch.session.id}`)).status).toBe(200);
    expect((await get(`/api/v1/projects/default/sessions/${otherBatch.session.id}`)).status).toBe(404);
    expect((await get(`/api/v1/projects/web-shop/sessions/${defaultBatch.session.id}`)).status).toBe(404);
  });

  it('returns events in the order the user made them, each with its id', async () => {
    const res = await get(`/api/v1/projects/default/sessions/${defaultBatch.session.id}`);
    expect(res.status).toBe(200);
    const times = res.body.events.map((event: { t: number }) => event.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(res.body.events.map((event: { id: string }) => event.id)).toEqual(
      defaultBatch.events.map((event) => event.id),
    );
    expect(res.body.events.map((event: { type: string }) => event.type)).toEqual([
      'page',
      'click',
      'click',
      'signal',
      'error',
      'network',
    ]);
  });
});

describe('POST /api/v1/projects', () => {
  it('creates a project whose public key can ingest at once', async () => {
    const res = await request(server.app)
      .post('/api/v1/projects')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ name: 'Mobile Web' })
      .expect(201);
    expect(res.body).toEqual({ id: 'mobile-web', name: 'Mobile Web', public_key: expect.stringMatching(/^pk_/) });
    await request(server.app).post('/v1/ingest').set('X-Snag-Key', res.body.public_key).send(makeBatch()).expect(202);
  });

  it('400 for a missing name or unknown fields, 401 without the admin token or with a public key', async () => {
    const post = (body: object) =>
      request(server.app).post('/api/v1/projects').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send(body);
    expect((await post({})).body).toMatchObject({ error: 'invalid_project', path: 'name' });
    expect((await post({ name: 'x', owner: 'me' })).status).toBe(400);
    await request(server.app).post('/api/v1/projects').send({ name: 'x' }).expect(401);
    await request(server.app)
      .post('/api/v1/projects')
      .set('Authorization', `Bearer ${PUBLIC_KEY}`)
      .send({ name: 'x' })
      .expect(401);
  });
});
