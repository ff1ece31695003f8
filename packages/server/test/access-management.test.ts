import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestServer, type TestServer } from './helpers/test-store.js';

/**
 * Trust II, finding 4: a leaked admin-scope API token must not entrench itself. Member,
 * invite, role and token management is for people signed in (and the admin token).
 */

const PASSWORD = 'correct horse battery';
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
let server: TestServer;
let ownerId = '';
let viewerId = '';
let owner: { agent: ReturnType<typeof request.agent>; csrf: string };

async function signIn(email: string, password = PASSWORD) {
  const agent = request.agent(server.app);
  const res = await agent.post('/api/v1/auth/login').send({ email, password });
  expect(res.status).toBe(200);
  return { agent, csrf: res.body.csrf_token as string };
}

async function createToken(scope: 'read' | 'admin') {
  const made = await owner.agent
    .post('/api/v1/projects/default/tokens')
    .set('X-CSRF-Token', owner.csrf)
    .send({ name: `leaked ${scope}`, scope });
  expect(made.status).toBe(201);
  return { id: made.body.id as string, bearer: { Authorization: `Bearer ${made.body.token}` } };
}

beforeAll(async () => {
  server = await createTestServer();
  const api = request(server.app);
  ownerId = (
    await api
      .post('/api/v1/users')
      .set(admin)
      .send({ email: 'owner@example.com', password: PASSWORD, projects: [{ project: 'default', role: 'owner' }] })
  ).body.id;
  viewerId = (
    await api
      .post('/api/v1/users')
      .set(admin)
      .send({ email: 'viewer@example.com', password: PASSWORD, projects: [{ project: 'default', role: 'viewer' }] })
  ).body.id;
  owner = await signIn('owner@example.com');
});
afterAll(async () => {
  await server?.close();
});

describe('a leaked admin-scope API token', () => {
  it('cannot invite anyone, so it cannot plant an account that outlives its revocation', async () => {
    const leaked = await createToken('admin');
    const invite = await request(server.app)
      .post('/api/v1/projects/default/invites')
      .set(leaked.bearer)
      .send({ email: 'mallory@example.com', role: 'admin' });
    expect(invite.status).toBe(403);
    expect(invite.body.error).toBe('api_token_not_allowed');
    expect(invite.body.token).toBeUndefined();

    await owner.agent
      .delete(`/api/v1/projects/default/tokens/${leaked.id}`)
      .set('X-CSRF-Token', owner.csrf)
      .expect(204);
    const members = await owner.agent.get('/api/v1/projects/default/members').expect(200);
    expect(members.body.members.map((m: { email: string }) => m.email).sort()).toEqual([
      'owner@example.com',
      'viewer@example.com',
    ]);
    expect(members.body.invites).toEqual([]);
  });

  it('cannot change or remove members, nor withdraw invites', async () => {
    const leaked = await createToken('admin');
    const invite = await owner.agent
      .post('/api/v1/projects/default/invites')
      .set('X-CSRF-Token', owner.csrf)
      .send({ email: 'friend@example.com', role: 'viewer' })
      .expect(201);
    const attempts = [
      request(server.app)
        .patch(`/api/v1/projects/default/members/${viewerId}`)
        .set(leaked.bearer)
        .send({ role: 'admin' }),
      request(server.app).delete(`/api/v1/projects/default/members/${viewerId}`).set(leaked.bearer),
      request(server.app)
        .patch(`/api/v1/projects/default/members/${ownerId}`)
        .set(leaked.bearer)
        .send({ role: 'viewer' }),
      request(server.app).delete(`/api/v1/projects/default/invites/${invite.body.id}`).set(leaked.bearer),
    ];
    for (const res of await Promise.all(attempts)) {
      expect([res.status, res.body.error]).toEqual([403, 'api_token_not_allowed']);
    }
    const members = await owner.agent.get('/api/v1/projects/default/members').expect(200);
    expect(members.body.members).toEqual(
      expect.arrayContaining([
        { user: viewerId, email: 'viewer@example.com', role: 'viewer' },
        { user: ownerId, email: 'owner@example.com', role: 'owner' },
      ]),
    );
    expect(members.body.invites.map((i: { id: string }) => i.id)).toEqual([invite.body.id]);
  });

  it('cannot create, list or revoke API tokens', async () => {
    const leaked = await createToken('admin');
    const other = await createToken('read');
    const attempts = [
      request(server.app)
        .post('/api/v1/projects/default/tokens')
        .set(leaked.bearer)
        .send({ name: 'x', scope: 'admin' }),
      request(server.app).get('/api/v1/projects/default/tokens').set(leaked.bearer),
      request(server.app).delete(`/api/v1/projects/default/tokens/${other.id}`).set(leaked.bearer),
      request(server.app).get('/api/v1/projects/default/tokens').set(other.bearer),
    ];
    for (const res of await Promise.all(attempts)) {
      expect([res.status, res.body.error]).toEqual([403, 'api_token_not_allowed']);
    }
  });

  it('still reads the member list, without the open invites', async () => {
    const leaked = await createToken('admin');
    const members = await request(server.app).get('/api/v1/projects/default/members').set(leaked.bearer);
    expect(members.status).toBe(200);
    expect(members.body.members.length).toBeGreaterThanOrEqual(2);
    expect(members.body.invites).toEqual([]);
  });
});

describe('signed-in admins and the admin token still manage access', () => {
  it('a signed-in admin invites; the admin token changes roles and manages tokens', async () => {
    await owner.agent
      .patch(`/api/v1/projects/default/members/${viewerId}`)
      .set('X-CSRF-Token', owner.csrf)
      .send({ role: 'admin' })
      .expect(200);
    const lead = await signIn('viewer@example.com');
    await lead.agent
      .post('/api/v1/projects/default/invites')
      .set('X-CSRF-Token', lead.csrf)
      .send({ email: 'colleague@example.com', role: 'viewer' })
      .expect(201);
    await lead.agent.get('/api/v1/projects/default/tokens').expect(200);
    await request(server.app)
      .patch(`/api/v1/projects/default/members/${viewerId}`)
      .set(admin)
      .send({ role: 'viewer' })
      .expect(200);
    const made = await request(server.app)
      .post('/api/v1/projects/default/tokens')
      .set(admin)
      .send({ name: 'ci', scope: 'read' })
      .expect(201);
    await request(server.app).delete(`/api/v1/projects/default/tokens/${made.body.id}`).set(admin).expect(204);
  });
});
