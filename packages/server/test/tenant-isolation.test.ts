import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../src/projects/create-project.js';
import { makeBatch } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, type TestServer } from './helpers/test-store.js';

/**
 * Every project-scoped endpoint, tried from project Alpha's side against project
 * Beta — by an Alpha owner signed in, an Alpha admin API token and an Alpha read
 * token. Each attempt must fail, leak nothing of Beta, and change nothing there.
 */

interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: object;
}

const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/projects/:project/pages' },
  { method: 'get', path: '/projects/:project/keys' },
  { method: 'get', path: '/projects/:project/hotspots' },
  { method: 'get', path: '/projects/:project/sessions' },
  { method: 'get', path: '/projects/:project/sessions/:session' },
  { method: 'get', path: '/projects/:project/sessions/:session/replay' },
  { method: 'get', path: '/projects/:project/sessions/:session/export' },
  { method: 'get', path: '/projects/:project/sessions/:session/assets' },
  { method: 'get', path: '/projects/:project/assets/:sha256' },
  { method: 'get', path: '/projects/:project/trends' },
  { method: 'get', path: '/projects/:project/heatmap?path=/orders/:id' },
  { method: 'get', path: '/projects/:project/releases/compare?base=1.0.0&head=1.1.0' },
  { method: 'get', path: '/projects/:project/report' },
  { method: 'get', path: '/projects/:project/members' },
  { method: 'get', path: '/projects/:project/tokens' },
  { method: 'post', path: '/projects/:project/invites', body: { email: 'mallory@example.com', role: 'owner' } },
  { method: 'delete', path: '/projects/:project/invites/:invite' },
  { method: 'patch', path: '/projects/:project/members/:user', body: { role: 'viewer' } },
  { method: 'delete', path: '/projects/:project/members/:user' },
  { method: 'post', path: '/projects/:project/tokens', body: { name: 'backdoor', scope: 'admin' } },
  { method: 'delete', path: '/projects/:project/tokens/:token' },
  { method: 'delete', path: '/projects/:project/people/:person' },
  { method: 'get', path: '/projects/:project/share-links' },
  { method: 'post', path: '/projects/:project/share-links', body: { ttl: '90d' } },
  { method: 'delete', path: '/projects/:project/share-links/:link' },
  { method: 'get', path: '/projects/:project/alerts/channels' },
  {
    method: 'post',
    path: '/projects/:project/alerts/channels',
    body: { type: 'webhook', url: 'https://evil.example' },
  },
  { method: 'get', path: '/projects/:project/alerts/channels/:id' },
  { method: 'patch', path: '/projects/:project/alerts/channels/:id', body: { url: 'https://evil.example' } },
  { method: 'delete', path: '/projects/:project/alerts/channels/:id' },
  { method: 'post', path: '/projects/:project/alerts/channels/:id/test' },
  { method: 'get', path: '/projects/:project/alerts/history' },
  { method: 'get', path: '/projects/:project/alerts/rules' },
  {
    method: 'post',
    path: '/projects/:project/alerts/rules',
    body: { name: 'x', condition: { kind: 'above_baseline' } },
  },
  { method: 'get', path: '/projects/:project/alerts/rules/:rule' },
  { method: 'patch', path: '/projects/:project/alerts/rules/:rule', body: { enabled: false } },
  { method: 'delete', path: '/projects/:project/alerts/rules/:rule' },
  { method: 'get', path: '/projects/:project/alerts/digest' },
  { method: 'put', path: '/projects/:project/alerts/digest', body: { enabled: false, channel_ids: [] } },
  { method: 'post', path: '/projects/:project/alerts/digest/send' },
  { method: 'get', path: '/projects/:project/questions' },
  { method: 'post', path: '/projects/:project/questions', body: { text: 'Hi?', type: 'text' } },
  { method: 'get', path: '/projects/:project/questions/:question' },
  { method: 'patch', path: '/projects/:project/questions/:question', body: { status: 'paused' } },
  { method: 'delete', path: '/projects/:project/questions/:question' },
  { method: 'get', path: '/projects/:project/questions/:question/answers' },
  { method: 'get', path: '/projects/:project/settings/assets' },
  { method: 'put', path: '/projects/:project/settings/assets', body: { sdk_bodies: true } },
  { method: 'get', path: '/projects/:project/settings/recording' },
  { method: 'put', path: '/projects/:project/settings/recording', body: { replay: 'off' } },
];

const PASSWORD = 'correct horse battery';
let server: TestServer;
let alpha: { id: string; key: string };
let beta: { id: string; key: string };
const alphaBatch = makeBatch({ userId: 'alice' });
const betaBatch = makeBatch({ userId: 'bob' });
const ids = {
  session: '',
  person: '',
  user: '',
  token: '',
  invite: '',
  link: '',
  channel: '',
  rule: '',
  question: '',
};
const BETA_HOOK = 'https://hooks.beta.example/snag';
let betaShareUrl = '';
const attackers: { name: string; headers: Record<string, string>; agent?: ReturnType<typeof request.agent> }[] = [];

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  server = await createTestServer();
  alpha = await createProject(server.store, 'Alpha');
  beta = await createProject(server.store, 'Beta');
  await request(server.app).post('/v1/ingest').set('X-Snag-Key', alpha.key).send(alphaBatch).expect(202);
  await request(server.app).post('/v1/ingest').set('X-Snag-Key', beta.key).send(betaBatch).expect(202);
  ids.session = betaBatch.session.id;
  ids.person = 'bob';

  const api = request(server.app);
  await api
    .post('/api/v1/users')
    .set(admin)
    .send({ email: 'owner@alpha.test', password: PASSWORD, projects: [{ project: alpha.id, role: 'owner' }] })
    .expect(201);
  const betaUser = await api
    .post('/api/v1/users')
    .set(admin)
    .send({ email: 'owner@beta.test', password: PASSWORD, projects: [{ project: beta.id, role: 'owner' }] })
    .expect(201);
  ids.user = betaUser.body.id;
  ids.token = (
    await api.post(`/api/v1/projects/${beta.id}/tokens`).set(admin).send({ name: 'beta ci', scope: 'read' })
  ).body.id;
  ids.invite = (
    await api.post(`/api/v1/projects/${beta.id}/invites`).set(admin).send({ email: 'x@beta.test', role: 'viewer' })
  ).body.id;

  const channel = await api
    .post(`/api/v1/projects/${beta.id}/alerts/channels`)
    .set(admin)
    .send({ type: 'webhook', name: 'Beta hook', url: BETA_HOOK })
    .expect(201);
  ids.channel = channel.body.id;
  const rule = await api
    .post(`/api/v1/projects/${beta.id}/alerts/rules`)
    .set(admin)
    .send({ name: 'Beta spikes', condition: { kind: 'above_baseline' }, channel_ids: [ids.channel] })
    .expect(201);
  ids.rule = rule.body.id;
  ids.question = (
    await api
      .post(`/api/v1/projects/${beta.id}/questions`)
      .set(admin)
      .send({ text: 'Beta asks', type: 'text' })
      .expect(201)
  ).body.id;

  const link = await api.post(`/api/v1/projects/${beta.id}/share-links`).set(admin).send({ ttl: '1d' }).expect(201);
  ids.link = link.body.id;
  betaShareUrl = link.body.url;

  const agent = request.agent(server.app);
  const login = await agent
    .post('/api/v1/auth/login')
    .send({ email: 'owner@alpha.test', password: PASSWORD })
    .expect(200);
  attackers.push({ name: 'Alpha owner (cookie)', headers: { 'X-CSRF-Token': login.body.csrf_token }, agent });
  for (const scope of ['admin', 'read']) {
    const made = await api
      .post(`/api/v1/projects/${alpha.id}/tokens`)
      .set(admin)
      .send({ name: `alpha ${scope}`, scope });
    attackers.push({ name: `Alpha ${scope} API token`, headers: { Authorization: `Bearer ${made.body.token}` } });
  }
});
afterAll(async () => {
  await server?.close();
});

function fill(path: string, project: string): string {
  return `/api/v1${path
    .replace(':project', project)
    .replace(':session', ids.session)
    .replace(':person', ids.person)
    .replace(':user', ids.user)
    .replace(':token', ids.token)
    .replace(':invite', ids.invite)
    .replace(':link', ids.link)
    .replace(':question', ids.question)
    .replace(':id', ids.channel)
    .replace(':rule', ids.rule)
    .replace(':sha256', 'a'.repeat(64))}`;
}

function send(attacker: (typeof attackers)[number], endpoint: Endpoint, project: string) {
  const client = attacker.agent ?? request(server.app);
  const req = client[endpoint.method](fill(endpoint.path, project)).set(attacker.headers);
  return endpoint.body ? req.send(endpoint.body) : req;
}

describe('tenant isolation', () => {
  it('the suite covers every project-scoped route the app serves', () => {
    const routes: string[] = [];
    const walk = (stack: { route?: { path: string; methods: object }; handle?: { stack?: unknown[] } }[]) => {
      for (const layer of stack) {
        if (layer.route?.path.includes(':project')) {
          for (const method of Object.keys(layer.route.methods)) routes.push(`${method} ${layer.route.path}`);
        } else if (layer.handle?.stack) walk(layer.handle.stack as never);
      }
    };
    walk((server.app as unknown as { router: { stack: never } }).router.stack);
    // Question routes name their id `:id` like channels; the list says `:question` to fill in a question's.
    const covered = ENDPOINTS.map(
      (endpoint) => `${endpoint.method} ${endpoint.path.split('?')[0]?.replace(':question', ':id')}`,
    );
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((route) => !covered.includes(route))).toEqual([]);
  });

  it('every endpoint refuses Alpha principals on Beta, leaking nothing', async () => {
    const failures: string[] = [];
    for (const attacker of attackers) {
      for (const endpoint of ENDPOINTS) {
        const res = await send(attacker, endpoint, beta.id);
        const leaked =
          JSON.stringify(res.body).includes(ids.session) ||
          res.text.includes('bob') ||
          res.text.includes('beta.example');
        if (![403, 404].includes(res.status) || leaked) {
          failures.push(
            `${attacker.name}: ${endpoint.method} ${endpoint.path} → ${res.status}${leaked ? ' (leaked)' : ''}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a Beta session id is not found through Alpha, and Alpha reads show only Alpha data', async () => {
    for (const attacker of attackers) {
      for (const path of ['/projects/:project/sessions/:session', '/projects/:project/sessions/:session/replay']) {
        const res = await send(attacker, { method: 'get', path }, alpha.id);
        expect(res.status, `${attacker.name} ${path}`).toBe(404);
      }
      const sessions = await send(attacker, { method: 'get', path: '/projects/:project/sessions' }, alpha.id);
      expect(sessions.status).toBe(200);
      const listed = sessions.body.sessions.map((session: { id: string }) => session.id);
      expect(listed).toContain(alphaBatch.session.id);
      expect(listed).not.toContain(betaBatch.session.id);
    }
  });

  it('Beta is unchanged after every attempt: its data, members, tokens and invites', async () => {
    const api = request(server.app);
    expect((await api.get(`/api/v1/projects/${beta.id}/sessions/${betaBatch.session.id}`).set(admin)).status).toBe(200);
    const members = await api.get(`/api/v1/projects/${beta.id}/members`).set(admin).expect(200);
    expect(members.body.members).toEqual([{ user: ids.user, email: 'owner@beta.test', role: 'owner' }]);
    expect(members.body.invites.map((invite: { id: string }) => invite.id)).toEqual([ids.invite]);
    const tokens = await api.get(`/api/v1/projects/${beta.id}/tokens`).set(admin).expect(200);
    expect(tokens.body.tokens.map((token: { name: string }) => token.name)).toEqual(['beta ci']);
    const links = await api.get(`/api/v1/projects/${beta.id}/share-links`).set(admin).expect(200);
    expect(links.body.share_links.map((link: { id: string }) => link.id)).toEqual([ids.link]);
    expect((await api.get(betaShareUrl)).status).toBe(200);
    const channels = await api.get(`/api/v1/projects/${beta.id}/alerts/channels`).set(admin).expect(200);
    expect(channels.body.channels).toEqual([expect.objectContaining({ id: ids.channel, url: BETA_HOOK })]);
    const history = await api.get(`/api/v1/projects/${beta.id}/alerts/history`).set(admin).expect(200);
    expect(history.body.alerts).toEqual([]);
    const rules = await api.get(`/api/v1/projects/${beta.id}/alerts/rules`).set(admin).expect(200);
    expect(rules.body.rules).toEqual([expect.objectContaining({ id: ids.rule, name: 'Beta spikes', enabled: true })]);
    const questions = await api.get(`/api/v1/projects/${beta.id}/questions`).set(admin).expect(200);
    expect(questions.body.questions).toEqual([expect.objectContaining({ id: ids.question, status: 'active' })]);
  });

  it("a project's public ingest key writes only into its own project", async () => {
    const batch = makeBatch();
    await request(server.app).post('/v1/ingest').set('X-Snag-Key', alpha.key).send(batch).expect(202);
    const api = request(server.app);
    expect((await api.get(`/api/v1/projects/${alpha.id}/sessions/${batch.session.id}`).set(admin)).status).toBe(200);
    expect((await api.get(`/api/v1/projects/${beta.id}/sessions/${batch.session.id}`).set(admin)).status).toBe(404);
    expect(
      (await api.get(`/api/v1/projects/${alpha.id}/hotspots`).set('Authorization', `Bearer ${alpha.key}`)).status,
    ).toBe(401);
  });
});
