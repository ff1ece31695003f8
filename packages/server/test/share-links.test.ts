import { createdShareLinkSchema, shareLinksResponseSchema } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { hashSecret } from '../src/auth/secrets.js';
import { insertShareLink } from '../src/report/share-links-store.js';
import { formatDateTime } from '../src/store/datetime.js';
import { makeBatch } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

/**
 * Trust II, finding 5: share links are made by admins and owners, stored (as digests),
 * listed and revoked one by one, and die with their creator's admin access.
 */

const PASSWORD = 'correct horse battery';
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const LINKS = '/api/v1/projects/default/share-links';
let server: TestServer;
const ids = { owner: '', lead: '', viewer: '' };
type Agent = { agent: ReturnType<typeof request.agent>; csrf: string };
let owner: Agent;
let lead: Agent;
let viewer: Agent;

async function createUser(email: string, role: string) {
  const res = await request(server.app)
    .post('/api/v1/users')
    .set(admin)
    .send({ email, password: PASSWORD, projects: [{ project: 'default', role }] })
    .expect(201);
  return res.body.id as string;
}

async function signIn(email: string): Promise<Agent> {
  const agent = request.agent(server.app);
  const res = await agent.post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
  return { agent, csrf: res.body.csrf_token as string };
}

async function share(by: Agent, body: object = { from: '-7d', ttl: '2d' }) {
  const res = await by.agent.post(LINKS).set('X-CSRF-Token', by.csrf).send(body);
  expect(res.status).toBe(201);
  return createdShareLinkSchema.parse(res.body);
}

const open = (token: string, app = server.app) => request(app).get(`/share/reports/${token}`);

beforeAll(async () => {
  server = await createTestServer();
  await request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(makeBatch()).expect(202);
  ids.owner = await createUser('owner@example.com', 'owner');
  ids.lead = await createUser('lead@example.com', 'admin');
  ids.viewer = await createUser('viewer@example.com', 'viewer');
  [owner, lead, viewer] = await Promise.all([
    signIn('owner@example.com'),
    signIn('lead@example.com'),
    signIn('viewer@example.com'),
  ]);
});
afterAll(async () => {
  await server?.close();
});

describe('making share links', () => {
  it('the report no longer mints links, for anyone', async () => {
    const report = await viewer.agent.get('/api/v1/projects/default/report').expect(200);
    expect(report.body.share).toBeUndefined();
    const minted = await viewer.agent.get('/api/v1/projects/default/report?share_ttl=90d');
    expect(minted.status).toBe(400);
  });

  it('viewers and API tokens of either scope cannot make, list or revoke links', async () => {
    const byViewer = await viewer.agent.post(LINKS).set('X-CSRF-Token', viewer.csrf).send({});
    expect([byViewer.status, byViewer.body.error]).toEqual([403, 'forbidden']);
    expect((await viewer.agent.get(LINKS)).status).toBe(403);
    for (const scope of ['read', 'admin']) {
      const made = await request(server.app)
        .post('/api/v1/projects/default/tokens')
        .set(admin)
        .send({ name: scope, scope })
        .expect(201);
      const bearer = { Authorization: `Bearer ${made.body.token}` };
      const [post, list, revoke] = await Promise.all([
        request(server.app).post(LINKS).set(bearer).send({}),
        request(server.app).get(LINKS).set(bearer),
        request(server.app).delete(`${LINKS}/shr_anything`).set(bearer),
      ]);
      // A read token is stopped at the project guard for changes (too weak a role), every
      // API token at the access-management check.
      const change = scope === 'read' ? 'forbidden' : 'api_token_not_allowed';
      expect([post?.status, post?.body.error], scope).toEqual([403, change]);
      expect([list?.status, list?.body.error], scope).toEqual([403, 'api_token_not_allowed']);
      expect([revoke?.status, revoke?.body.error], scope).toEqual([403, change]);
    }
  });

  it('an admin makes one: it opens the report without signing in, and the list never shows its secret', async () => {
    const link = await share(lead, { from: '2026-02-01', to: '2026-03-01', tz: 'Europe/Paris', ttl: '12h' });
    expect(link.url).toBe(`/share/reports/${link.token}`);
    expect(link).toMatchObject({
      created_by: ids.lead,
      created_by_email: 'lead@example.com',
      range: { from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' },
      tz: 'Europe/Paris',
    });
    expect(Date.parse(link.expires_at) - Date.now()).toBeGreaterThan(11.9 * 3_600_000);

    const shared = await open(link.token).expect(200);
    expect(shared.body).toMatchObject({ project: 'default', tz: 'Europe/Paris', from: '2026-02-01T00:00:00.000Z' });
    expect(shared.body.share).toEqual({ url: link.url, expires_at: link.expires_at });
    expect(shared.headers['cache-control']).toBe('private, no-store');
    expect((await open(`${link.token}`).query({ format: 'md' })).text).toContain('# Friction report: default');

    const listed = await owner.agent.get(LINKS).expect(200);
    const body = shareLinksResponseSchema.parse(listed.body);
    expect(body.share_links.map((item) => item.id)).toContain(link.id);
    expect(listed.text).not.toContain(link.token);
    expect(listed.text).not.toContain(hashSecret(link.token));
    const stored = await server.store.query<{ token_hash: string }>(
      'SELECT token_hash FROM {db:Identifier}.share_links WHERE id = {id:String}',
      { id: link.id },
    );
    expect(stored).toEqual([{ token_hash: hashSecret(link.token) }]);
  });

  it('bad bodies are clear 400s', async () => {
    for (const [body, path] of [
      [{ ttl: '365d' }, 'ttl'],
      [{ ttl: '1y' }, 'ttl'],
      [{ from: 'yesterday' }, 'from'],
      [{ tz: 'Mars/Olympus' }, 'tz'],
    ] as const) {
      const res = await owner.agent.post(LINKS).set('X-CSRF-Token', owner.csrf).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.path).toBe(path);
    }
  });
});

describe('share links end', () => {
  it('when revoked, at once', async () => {
    const link = await share(owner);
    await open(link.token).expect(200);
    await owner.agent.delete(`${LINKS}/${link.id}`).set('X-CSRF-Token', owner.csrf).expect(204);
    const gone = await open(link.token);
    expect([gone.status, gone.body.error]).toEqual([404, 'share_link_not_found']);
    const listed = await owner.agent.get(LINKS).expect(200);
    expect(listed.body.share_links.map((item: { id: string }) => item.id)).not.toContain(link.id);
    expect((await owner.agent.delete(`${LINKS}/${link.id}`).set('X-CSRF-Token', owner.csrf)).status).toBe(404);
  });

  it('when the creator is demoted, and stay dead if promoted again', async () => {
    const link = await share(lead);
    await open(link.token).expect(200);
    await owner.agent
      .patch(`/api/v1/projects/default/members/${ids.lead}`)
      .set('X-CSRF-Token', owner.csrf)
      .send({ role: 'viewer' })
      .expect(200);
    const dead = await open(link.token);
    expect(dead.status).toBeGreaterThanOrEqual(403);
    expect(dead.status).toBeLessThanOrEqual(404);
    expect(dead.body.error).toMatch(/^share_link_/);
    await owner.agent
      .patch(`/api/v1/projects/default/members/${ids.lead}`)
      .set('X-CSRF-Token', owner.csrf)
      .send({ role: 'admin' })
      .expect(200);
    expect([403, 404]).toContain((await open(link.token)).status);
    expect((await owner.agent.get(LINKS)).body.share_links.map((item: { id: string }) => item.id)).not.toContain(
      link.id,
    );
  });

  it('when the creator is removed from the project', async () => {
    const helperId = await createUser('helper@example.com', 'admin');
    const link = await share(await signIn('helper@example.com'));
    await open(link.token).expect(200);
    await owner.agent
      .delete(`/api/v1/projects/default/members/${helperId}`)
      .set('X-CSRF-Token', owner.csrf)
      .expect(204);
    expect([403, 404]).toContain((await open(link.token)).status);
  });

  it("when the creator's account is deleted", async () => {
    const goneId = await createUser('leaver@example.com', 'owner');
    const link = await share(await signIn('leaver@example.com'));
    await open(link.token).expect(200);
    const [user] = await server.store.query<{ id: string; email: string; password_hash: string; created_at: string }>(
      'SELECT id, email, password_hash, created_at FROM {db:Identifier}.users FINAL WHERE id = {id:String}',
      { id: goneId },
    );
    await server.store.insert('users', [{ ...user, disabled: 1, updated_at: formatDateTime(Date.now()) }]);
    const dead = await open(link.token);
    expect([dead.status, dead.body.error]).toEqual([403, 'share_link_revoked']);
  });

  it('made with the admin token, it lives as long as the admin token', async () => {
    const made = await request(server.app).post(LINKS).set(admin).send({ ttl: '1d' }).expect(201);
    expect(made.body.created_by).toBe('admin_token');
    await open(made.body.token).expect(200);
    const rotated = createApp({ store: server.store, writer: server.writer, adminToken: 'a-rotated-admin-token-0123' });
    const dead = await open(made.body.token, rotated);
    expect([dead.status, dead.body.error]).toEqual([403, 'share_link_revoked']);
  });

  it('when it expires; unknown tokens are a JSON 404', async () => {
    const token = 'snag_shr_expired0123456789abcdefghijkl';
    const past = Date.now() - 60_000;
    await insertShareLink(server.store, {
      id: 'shr_expired',
      token_hash: hashSecret(token),
      project_id: 'default',
      created_by: ids.owner,
      admin_fingerprint: '',
      range_from: formatDateTime(past - 86_400_000),
      range_to: formatDateTime(past),
      tz: 'UTC',
      created_at: formatDateTime(past - 3_600_000),
      expires_at: formatDateTime(past),
    });
    const expired = await open(token);
    expect([expired.status, expired.body.error]).toEqual([403, 'share_link_expired']);
    const unknown = await open('snag_shr_never-made-0123456789');
    expect([unknown.status, unknown.body.error]).toEqual([404, 'share_link_not_found']);
    expect(unknown.headers['content-type']).toMatch(/json/);
  });
});
