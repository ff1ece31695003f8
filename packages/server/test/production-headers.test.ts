import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { makeBatch } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  await server?.close();
});

const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

const appWith = (options: { publicUrl?: string; trustProxy?: number } = {}) =>
  createApp({ store: server.store, writer: server.writer, adminToken: ADMIN_TOKEN, ...options });

describe('JSON responses carry a CSP that allows nothing and nosniff', () => {
  it('on the API, ingest, share links, errors and health', async () => {
    const app = appWith();
    const share = await request(app)
      .post('/api/v1/projects/default/share-links')
      .set(admin)
      .send({ from: '2026-01-01', to: '2026-01-02' });
    expect(share.status).toBe(201);
    const responses = [
      await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(makeBatch()),
      await request(app).post('/v1/ingest').set('X-Snag-Key', 'pk_unknown').send(makeBatch()),
      await request(app).get('/api/v1/projects/default/sessions/nope').set(admin),
      await request(app).get('/api/v1/auth/session'),
      share,
      await request(app).get(share.body.url),
      await request(app).get('/share/reports/not-a-token'),
      await request(app).get('/healthz'),
      await request(app).get('/api/v1/nothing-here').set(admin),
    ];
    expect(responses.map((res) => res.status)).toEqual([202, 401, 404, 401, 201, 200, 404, 200, 404]);
    for (const res of responses) {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-security-policy']).toBe(JSON_CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('HTTPS behind a proxy', () => {
  const login = (app: ReturnType<typeof appWith>, headers: Record<string, string> = {}) =>
    request(app).post('/api/v1/auth/login').set(headers).send({ token: ADMIN_TOKEN }).expect(200);

  it('plain HTTP without a public URL: no Secure cookie, no HSTS', async () => {
    const res = await login(appWith());
    expect(String(res.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('SNAG_PUBLIC_URL https://…: Secure cookies and HSTS on every response, even without X-Forwarded-Proto', async () => {
    const app = appWith({ publicUrl: 'https://snag.example.com' });
    const res = await login(app);
    expect(String(res.headers['set-cookie'])).toMatch(/^snag_session=.*;\s*Secure(;|$)/i);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    const logout = await request(app)
      .post('/api/v1/auth/logout')
      .set('Cookie', String(res.headers['set-cookie']).split(';')[0] ?? '')
      .set('X-CSRF-Token', res.body.csrf_token);
    expect(String(logout.headers['set-cookie'])).toMatch(/Secure/i);
    expect((await request(app).get('/healthz')).headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('an http:// public URL changes nothing', async () => {
    const res = await login(appWith({ publicUrl: 'http://localhost:4318' }));
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/i);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('X-Forwarded-Proto: https counts only from a trusted proxy hop', async () => {
    const untrusted = await login(appWith(), { 'X-Forwarded-Proto': 'https' });
    expect(String(untrusted.headers['set-cookie'])).not.toMatch(/Secure/i);
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
    const trusted = await login(appWith({ trustProxy: 1 }), { 'X-Forwarded-Proto': 'https' });
    expect(String(trusted.headers['set-cookie'])).toMatch(/Secure/i);
    expect(trusted.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});
