import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createProject } from '../src/projects/create-project.js';
import { makeBatch } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
let shop: { id: string; key: string };
const batch = makeBatch();
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  server = await createTestServer();
  shop = await createProject(server.store, 'Shop');
  await request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
});
afterAll(async () => {
  await server?.close();
});

const admin = () => ({ Authorization: `Bearer ${ADMIN_TOKEN}` });

async function createUser(email: string, projects: { project: string; role: string }[]) {
  const res = await request(server.app)
    .post('/api/v1/users')
    .set(admin())
    .send({ email, password: PASSWORD, projects });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A browser-like client: keeps the cookie, sends the CSRF token on changes. */
async function signIn(credentials: { token: string } | { email: string; password: string }) {
  const agent = request.agent(server.app);
  const res = await agent.post('/api/v1/auth/login').send(credentials);
  expect(res.status).toBe(200);
  return { agent, csrf: res.body.csrf_token as string, login: res };
}

describe('sign-in with the admin token (cookie session)', () => {
  it('sets an httpOnly SameSite cookie and never returns the token itself', async () => {
    const { login, csrf } = await signIn({ token: ADMIN_TOKEN });
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^snag_session=snag_ses_[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(login.body.principal).toEqual({ kind: 'admin_token' });
    expect(csrf).toMatch(/^[\w-]{32}$/);
    expect(JSON.stringify(login.body)).not.toContain(ADMIN_TOKEN);
  });

  it('reads the API with the cookie alone', async () => {
    const { agent, csrf } = await signIn({ token: ADMIN_TOKEN });
    const session = await agent.get('/api/v1/auth/session').expect(200);
    expect(session.body).toEqual({ principal: { kind: 'admin_token' }, csrf_token: csrf });
    const doc = await agent.get(`/api/v1/projects/default/sessions/${batch.session.id}`);
    expect(doc.status).toBe(200);
  });

  it('refuses a change without the CSRF token, accepts it with the token', async () => {
    const { agent, csrf } = await signIn({ token: ADMIN_TOKEN });
    const forged = await agent.post('/api/v1/projects').send({ name: 'Forged' });
    expect(forged.status).toBe(403);
    expect(forged.body.error).toBe('csrf_token_invalid');
    const wrong = await agent.post('/api/v1/projects').set('X-CSRF-Token', `${csrf}x`).send({ name: 'Forged' });
    expect(wrong.status).toBe(403);
    const made = await agent.post('/api/v1/projects').set('X-CSRF-Token', csrf).send({ name: 'Made' });
    expect(made.status).toBe(201);
  });

  it('logout ends the session on the server, not only in the browser', async () => {
    const { agent, csrf, login } = await signIn({ token: ADMIN_TOKEN });
    const stolenCookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    await agent.post('/api/v1/auth/logout').set('X-CSRF-Token', csrf).expect(204);
    const after = await request(server.app).get('/api/v1/auth/session').set('Cookie', stolenCookie);
    expect(after.status).toBe(401);
    expect(after.body.message).toMatch(/sign in again/);
  });

  it('401 for a wrong token, a forged cookie, or the public ingest key', async () => {
    const wrong = await request(server.app).post('/api/v1/auth/login').send({ token: 'not-the-admin-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const forged = await request(server.app).get('/api/v1/projects').set('Cookie', 'snag_session=snag_ses_forged');
    expect(forged.status).toBe(401);
    const ingestKey = await request(server.app).get('/api/v1/projects').set('Authorization', `Bearer ${PUBLIC_KEY}`);
    expect(ingestKey.status).toBe(401);
    const malformed = await request(server.app).post('/api/v1/auth/login').send({ token: 1, extra: true });
    expect(malformed.status).toBe(400);
  });

  it('a rotated admin token ends the sessions opened with the old one', async () => {
    const { login } = await signIn({ token: ADMIN_TOKEN });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const rotated = createApp({
      store: server.store,
      writer: server.writer,
      adminToken: 'a-new-admin-token-0123456789',
    });
    expect((await request(rotated).get('/api/v1/auth/session').set('Cookie', cookie)).status).toBe(401);
    expect((await request(server.app).get('/api/v1/auth/session').set('Cookie', cookie)).status).toBe(200);
  });
});

describe('accounts and roles', () => {
  it('signs in by email and password; a wrong password or unknown email is the same 401', async () => {
    await createUser('ada@example.com', [{ project: 'default', role: 'viewer' }]);
    const { login } = await signIn({ email: 'ADA@example.com ', password: PASSWORD });
    expect(login.body.principal).toMatchObject({
      kind: 'user',
      email: 'ada@example.com',
      projects: [{ project: 'default', role: 'viewer' }],
    });
    const wrong = await request(server.app)
      .post('/api/v1/auth/login')
      .send({ email: 'ada@example.com', password: 'nope' });
    const unknown = await request(server.app)
      .post('/api/v1/auth/login')
      .send({ email: 'who@example.com', password: 'nope' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('refuses a duplicate email, a short password, and account creation without the admin token', async () => {
    const dup = await request(server.app)
      .post('/api/v1/users')
      .set(admin())
      .send({ email: 'ada@example.com', password: PASSWORD });
    expect(dup.status).toBe(409);
    const weak = await request(server.app)
      .post('/api/v1/users')
      .set(admin())
      .send({ email: 'b@example.com', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toBe('weak_password');
    const { agent, csrf } = await signIn({ email: 'ada@example.com', password: PASSWORD });
    const bySelf = await agent
      .post('/api/v1/users')
      .set('X-CSRF-Token', csrf)
      .send({ email: 'c@example.com', password: PASSWORD });
    expect(bySelf.status).toBe(403);
  });

  it('a viewer reads its project, cannot change it, and does not see other projects', async () => {
    const { agent, csrf } = await signIn({ email: 'ada@example.com', password: PASSWORD });
    const projects = await agent.get('/api/v1/projects').expect(200);
    expect(projects.body.projects.map((p: { id: string; role: string }) => [p.id, p.role])).toEqual([
      ['default', 'viewer'],
    ]);
    expect((await agent.get(`/api/v1/projects/default/sessions/${batch.session.id}`)).status).toBe(200);
    const erase = await agent
      .delete(`/api/v1/projects/default/people/${batch.session.anonymous_id}`)
      .set('X-CSRF-Token', csrf);
    expect(erase.status).toBe(403);
    expect((await agent.get(`/api/v1/projects/${shop.id}/hotspots`)).status).toBe(404);
  });

  it('a user who creates a project owns it', async () => {
    await createUser('owner@example.com', []);
    const { agent, csrf } = await signIn({ email: 'owner@example.com', password: PASSWORD });
    const made = await agent.post('/api/v1/projects').set('X-CSRF-Token', csrf).send({ name: 'Owned' });
    expect(made.status).toBe(201);
    const members = await agent.get(`/api/v1/projects/${made.body.id}/members`).expect(200);
    expect(members.body.members).toEqual([expect.objectContaining({ email: 'owner@example.com', role: 'owner' })]);
  });
});

describe('invites', () => {
  it('an admin invites a viewer, who joins with a password and is signed in', async () => {
    await createUser('lead@example.com', [{ project: shop.id, role: 'admin' }]);
    const lead = await signIn({ email: 'lead@example.com', password: PASSWORD });
    const invite = await lead.agent
      .post(`/api/v1/projects/${shop.id}/invites`)
      .set('X-CSRF-Token', lead.csrf)
      .send({ email: 'New@Example.com', role: 'viewer' });
    expect(invite.status).toBe(201);
    expect(invite.body.accept_path).toBe(`/accept-invite#token=${invite.body.token}`);
    const pending = await lead.agent.get(`/api/v1/projects/${shop.id}/members`).expect(200);
    expect(pending.body.invites).toEqual([expect.objectContaining({ email: 'new@example.com', role: 'viewer' })]);

    const joined = await request(server.app)
      .post('/api/v1/auth/accept-invite')
      .send({ token: invite.body.token, password: 'a new password 1' });
    expect(joined.status).toBe(201);
    expect(joined.body.principal).toMatchObject({
      email: 'new@example.com',
      projects: [{ project: shop.id, role: 'viewer' }],
    });
    expect(String(joined.headers['set-cookie'])).toMatch(/snag_session=.*HttpOnly/);

    const reused = await request(server.app)
      .post('/api/v1/auth/accept-invite')
      .send({ token: invite.body.token, password: 'a new password 1' });
    expect(reused.status).toBe(404);
    const members = await lead.agent.get(`/api/v1/projects/${shop.id}/members`).expect(200);
    expect(members.body.invites).toEqual([]);
    expect(members.body.members.map((m: { email: string }) => m.email)).toContain('new@example.com');
  });

  it('an admin cannot grant the owner role; a viewer cannot invite at all', async () => {
    const lead = await signIn({ email: 'lead@example.com', password: PASSWORD });
    const owner = await lead.agent
      .post(`/api/v1/projects/${shop.id}/invites`)
      .set('X-CSRF-Token', lead.csrf)
      .send({ email: 'boss@example.com', role: 'owner' });
    expect(owner.status).toBe(403);
    const viewer = await signIn({ email: 'new@example.com', password: 'a new password 1' });
    const byViewer = await viewer.agent
      .post(`/api/v1/projects/${shop.id}/invites`)
      .set('X-CSRF-Token', viewer.csrf)
      .send({ email: 'x@example.com', role: 'viewer' });
    expect(byViewer.status).toBe(403);
  });

  it('a project always keeps one owner', async () => {
    const ownerId = await createUser('only-owner@example.com', [{ project: shop.id, role: 'owner' }]);
    const owner = await signIn({ email: 'only-owner@example.com', password: PASSWORD });
    const demote = await owner.agent
      .patch(`/api/v1/projects/${shop.id}/members/${ownerId}`)
      .set('X-CSRF-Token', owner.csrf)
      .send({ role: 'admin' });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toBe('last_owner');
    const leadId = (await owner.agent.get(`/api/v1/projects/${shop.id}/members`)).body.members.find(
      (m: { email: string }) => m.email === 'lead@example.com',
    ).user;
    const promote = await owner.agent
      .patch(`/api/v1/projects/${shop.id}/members/${leadId}`)
      .set('X-CSRF-Token', owner.csrf)
      .send({ role: 'owner' });
    expect(promote.status).toBe(200);
    expect(
      (
        await owner.agent
          .patch(`/api/v1/projects/${shop.id}/members/${ownerId}`)
          .set('X-CSRF-Token', owner.csrf)
          .send({ role: 'admin' })
      ).status,
    ).toBe(200);
  });
});

describe('per-project API tokens', () => {
  it('a read token reads its project only; revoked, it stops working', async () => {
    const made = await request(server.app)
      .post('/api/v1/projects/default/tokens')
      .set(admin())
      .send({ name: 'BI export', scope: 'read' });
    expect(made.status).toBe(201);
    const token = made.body.token as string;
    expect(token).toMatch(/^snag_pat_/);
    const bearer = { Authorization: `Bearer ${token}` };

    expect(
      (await request(server.app).get(`/api/v1/projects/default/sessions/${batch.session.id}`).set(bearer)).status,
    ).toBe(200);
    const projects = await request(server.app).get('/api/v1/projects').set(bearer).expect(200);
    expect(projects.body.projects.map((p: { id: string }) => p.id)).toEqual(['default']);
    expect((await request(server.app).get(`/api/v1/projects/${shop.id}/hotspots`).set(bearer)).status).toBe(404);
    expect((await request(server.app).delete('/api/v1/projects/default/people/someone').set(bearer)).status).toBe(403);
    expect(
      (
        await request(server.app)
          .post('/api/v1/projects/default/tokens')
          .set(bearer)
          .send({ name: 'x', scope: 'admin' })
      ).status,
    ).toBe(403);
    expect((await request(server.app).post('/api/v1/projects').set(bearer).send({ name: 'x' })).status).toBe(403);

    const listed = await request(server.app).get('/api/v1/projects/default/tokens').set(admin()).expect(200);
    expect(listed.body.tokens).toEqual([
      expect.objectContaining({ id: made.body.id, name: 'BI export', scope: 'read' }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    await request(server.app).delete(`/api/v1/projects/default/tokens/${made.body.id}`).set(admin()).expect(204);
    expect((await request(server.app).get('/api/v1/projects').set(bearer)).status).toBe(401);
  });

  it('an admin token may change its project, e.g. erase a person', async () => {
    const made = await request(server.app)
      .post('/api/v1/projects/default/tokens')
      .set(admin())
      .send({ name: 'privacy bot', scope: 'admin' });
    const erase = await request(server.app)
      .delete(`/api/v1/projects/default/people/${batch.session.anonymous_id}`)
      .set('Authorization', `Bearer ${made.body.token}`);
    expect(erase.status).toBe(200);
    expect(erase.body.deleted.sessions).toBe(1);
  });
});

describe('login throttling', () => {
  it('slows an account after a few failures from one address, even for the right password, with Retry-After', async () => {
    const app = createApp({ store: server.store, writer: server.writer, adminToken: ADMIN_TOKEN });
    for (let i = 0; i < 3; i++) {
      expect(
        (await request(app).post('/api/v1/auth/login').send({ email: 'ada@example.com', password: 'guess' })).status,
      ).toBe(401);
    }
    const locked = await request(app).post('/api/v1/auth/login').send({ email: 'ada@example.com', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.error).toBe('too_many_attempts');
    const otherAccount = await request(app)
      .post('/api/v1/auth/login')
      .send({ email: 'lead@example.com', password: PASSWORD });
    expect(otherAccount.status).toBe(200);
  });

  it('limits one IP guessing across many accounts', async () => {
    const app = createApp({ store: server.store, writer: server.writer, adminToken: ADMIN_TOKEN });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await request(app)
        .post('/api/v1/auth/login')
        .send({ email: `guess${i}@example.com`, password: 'guess' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
