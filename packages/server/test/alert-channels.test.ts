import { alertChannelSchema, alertChannelsResponseSchema } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertDelivery } from '../src/alerts/delivery/alert-delivery.js';
import { createApp } from '../src/app.js';
import { ADMIN_TOKEN, createTestServer, type TestServer } from './helpers/test-store.js';

/**
 * Issue 18, channels: admins save webhook and email channels (a bad URL or address is a
 * 400 naming the field), every reader lists them, only admins see a webhook's secret.
 */

const PASSWORD = 'correct horse battery';
const CHANNELS = '/api/v1/projects/default/alerts/channels';
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
let server: TestServer;
let withSmtp: ReturnType<typeof createApp>;
let viewer: { agent: ReturnType<typeof request.agent>; csrf: string };

beforeAll(async () => {
  server = await createTestServer();
  // The same store behind an app whose server has SMTP settings (never used: nothing is sent here).
  const alerts = new AlertDelivery({
    store: server.store,
    smtp: { url: 'smtp://127.0.0.1:1', from: 'snag@example.com' },
  });
  withSmtp = createApp({ store: server.store, writer: server.writer, adminToken: ADMIN_TOKEN, alerts });
  await request(server.app)
    .post('/api/v1/users')
    .set(admin)
    .send({ email: 'viewer@example.com', password: PASSWORD, projects: [{ project: 'default', role: 'viewer' }] })
    .expect(201);
  const agent = request.agent(server.app);
  const login = await agent.post('/api/v1/auth/login').send({ email: 'viewer@example.com', password: PASSWORD });
  viewer = { agent, csrf: login.body.csrf_token as string };
});
afterAll(async () => {
  await server?.close();
});

const create = (body: object, app = server.app) => request(app).post(CHANNELS).set(admin).send(body);

describe('saving a channel', () => {
  it('a webhook gets a generated secret, a name from its host and the JSON format', async () => {
    const res = await create({ type: 'webhook', url: 'https://hooks.example.com/services/T1/B2/abc' }).expect(201);
    const channel = alertChannelSchema.parse(res.body);
    expect(channel).toMatchObject({ type: 'webhook', name: 'hooks.example.com', format: 'json' });
    expect(channel.type === 'webhook' && channel.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    const again = await create({ type: 'webhook', url: 'https://hooks.example.com/other' }).expect(201);
    expect(again.body.secret).not.toBe(res.body.secret);
  });

  it.each([
    ['ftp://files.example.com/x', 'must start with https:// or http://'],
    ['https://user:pass@hooks.example.com/x', 'must not contain a user name or password'],
    ['not a url', 'must be an absolute URL'],
    ['javascript:alert(1)', 'must start with https:// or http://'],
    ['', 'is required'],
  ])('refuses the webhook URL %j with a 400 on "url"', async (url, message) => {
    const res = await create({ type: 'webhook', url }).expect(400);
    expect(res.body).toMatchObject({ error: 'invalid_channel', path: 'url' });
    expect(res.body.message).toContain(message);
  });

  it('refuses an unknown format, type or field with the field path', async () => {
    const format = await create({ type: 'webhook', url: 'https://a.example.com', format: 'xml' }).expect(400);
    expect(format.body.path).toBe('format');
    const type = await create({ type: 'pager', url: 'https://a.example.com' }).expect(400);
    expect(type.body.path).toBe('type');
    const extra = await create({ type: 'webhook', url: 'https://a.example.com', secret: 'mine' }).expect(400);
    expect(extra.body.message).toContain('secret');
  });

  it('an email channel without SMTP on the server is a 400 that says what to set', async () => {
    const res = await create({ type: 'email', addresses: ['pm@example.com'] }).expect(400);
    expect(res.body).toMatchObject({ error: 'smtp_not_configured', path: 'type' });
    expect(res.body.message).toContain('SNAG_SMTP_URL');
  });

  it('with SMTP, an email channel is saved; a bad address is a 400 naming which one', async () => {
    const res = await create({ type: 'email', addresses: ['pm@example.com', 'lead@example.com'] }, withSmtp).expect(
      201,
    );
    expect(alertChannelSchema.parse(res.body)).toMatchObject({
      type: 'email',
      name: 'pm@example.com and 1 more',
      addresses: ['pm@example.com', 'lead@example.com'],
    });
    const bad = await create({ type: 'email', addresses: ['pm@example.com', 'not-an-address'] }, withSmtp).expect(400);
    expect(bad.body).toMatchObject({ error: 'invalid_channel', path: 'addresses.1' });
    const none = await create({ type: 'email', addresses: [] }, withSmtp).expect(400);
    expect(none.body.path).toBe('addresses');
  });
});

describe('changing and deleting', () => {
  it('PATCH renames, points elsewhere, rotates the secret; fields of the other type are 400s', async () => {
    const made = (await create({ type: 'webhook', name: 'Ops', url: 'https://ops.example.com/hook' }).expect(201)).body;
    const url = `${CHANNELS}/${made.id}`;
    const patched = await request(server.app)
      .patch(url)
      .set(admin)
      .send({ name: 'Ops room', url: 'https://ops.example.com/v2', format: 'slack', rotate_secret: true })
      .expect(200);
    expect(patched.body).toMatchObject({ name: 'Ops room', url: 'https://ops.example.com/v2', format: 'slack' });
    expect(patched.body.secret).not.toBe(made.secret);
    const read = await request(server.app).get(url).set(admin).expect(200);
    expect(read.body).toMatchObject({ name: 'Ops room', secret: patched.body.secret });
    const wrong = await request(server.app)
      .patch(url)
      .set(admin)
      .send({ addresses: ['a@example.com'] })
      .expect(400);
    expect(wrong.body.path).toBe('addresses');
    const badUrl = await request(server.app).patch(url).set(admin).send({ url: 'gopher://x' }).expect(400);
    expect(badUrl.body.path).toBe('url');

    await request(server.app).delete(url).set(admin).expect(204);
    await request(server.app).get(url).set(admin).expect(404);
    const list = alertChannelsResponseSchema.parse((await request(server.app).get(CHANNELS).set(admin)).body);
    expect(list.channels.map((channel) => channel.id)).not.toContain(made.id);
  });
});

describe('who may do what', () => {
  it('a viewer lists channels without secrets or full webhook URLs, and cannot change them', async () => {
    const made = (await create({ type: 'webhook', url: 'https://hooks.slack.com/services/T0/B0/XYZ' }).expect(201))
      .body;
    const list = alertChannelsResponseSchema.parse((await viewer.agent.get(CHANNELS).expect(200)).body);
    const seen = list.channels.find((channel) => channel.id === made.id);
    expect(seen).toMatchObject({ type: 'webhook', url: 'https://hooks.slack.com/…', secret: null });

    const post = await viewer.agent
      .post(CHANNELS)
      .set('X-CSRF-Token', viewer.csrf)
      .send({ type: 'webhook', url: 'https://evil.example.com' });
    expect([post.status, post.body.error]).toEqual([403, 'forbidden']);
    const patch = await viewer.agent
      .patch(`${CHANNELS}/${made.id}`)
      .set('X-CSRF-Token', viewer.csrf)
      .send({ name: 'x' });
    expect(patch.status).toBe(403);
    const del = await viewer.agent.delete(`${CHANNELS}/${made.id}`).set('X-CSRF-Token', viewer.csrf);
    expect(del.status).toBe(403);
    const test = await viewer.agent.post(`${CHANNELS}/${made.id}/test`).set('X-CSRF-Token', viewer.csrf);
    expect(test.status).toBe(403);
    expect((await viewer.agent.get('/api/v1/projects/default/alerts/history')).status).toBe(200);
  });

  it('a project the caller is not in answers 404', async () => {
    const res = await viewer.agent.get('/api/v1/projects/elsewhere/alerts/channels');
    expect(res.status).toBe(404);
  });
});
