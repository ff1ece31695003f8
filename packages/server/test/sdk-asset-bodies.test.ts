import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assetSettingsResponseSchema, assetsWantedSchema, replayAssetsResponseSchema } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAllowList } from '../src/net/allow-list.js';
import { makeBatch, makeReplayEvent, uniqueId } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

/** The recorded site: its stylesheet and logo need the signed-in person's cookie, which the server has not got. */
let site: Server;
let origin: string;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
let server: TestServer;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const session = uniqueId('sess');

beforeAll(async () => {
  site = createServer((_req, res) => res.writeHead(401, { 'content-type': 'text/plain' }).end('sign in first'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  server = await createTestServer({
    assets: { allow: createAllowList(['127.0.0.1']), maxProjectBytes: 64 * 1024 * 1024 },
  });
  const t = Date.now() - 10_000;
  const el = (id: number, tagName: string, attributes: object, childNodes: object[] = []) => ({
    type: 2,
    id,
    tagName,
    attributes,
    childNodes,
  });
  const rrweb = [
    { type: 4, timestamp: t, data: { href: `${origin}/account`, width: 1280, height: 800 } },
    {
      type: 2,
      timestamp: t + 1,
      data: {
        node: {
          type: 0,
          id: 1,
          childNodes: [
            el(2, 'html', {}, [
              el(3, 'head', {}, [el(4, 'link', { rel: 'stylesheet', href: `${origin}/private/app.css` })]),
              el(5, 'body', {}, [el(6, 'img', { src: `${origin}/private/logo.png` })]),
            ]),
          ],
        },
        initialOffset: { top: 0, left: 0 },
      },
    },
  ];
  const batch = makeBatch({ sessionId: session, t, url: `${origin}/account` }, [makeReplayEvent({ t, rrweb })]);
  await request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
  await server.assets?.idle();
});

afterAll(async () => {
  await server.close();
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

const send = (url: string, type: string, body: Buffer | string, key = PUBLIC_KEY) =>
  request(server.app)
    .post('/v1/assets')
    .query({ key, session, url })
    .set('Content-Type', type)
    .send(typeof body === 'string' ? Buffer.from(body) : body);

const assetsOf = async () =>
  replayAssetsResponseSchema.parse(
    (await request(server.app).get(`/api/v1/projects/default/sessions/${session}/assets`).set(auth).expect(200)).body,
  );

describe('asset bodies sent by the SDK', () => {
  it('is off by default: nothing is wanted and a sent body is refused', async () => {
    const settings = await request(server.app).get('/api/v1/projects/default/settings/assets').set(auth).expect(200);
    expect(assetSettingsResponseSchema.parse(settings.body)).toEqual({
      project: 'default',
      sdk_bodies: false,
      updated_at: null,
    });
    const wanted = await request(server.app).get('/v1/assets/wanted').query({ key: PUBLIC_KEY, session }).expect(200);
    expect(wanted.body).toEqual({ enabled: false, urls: [] });
    const refused = await send(`${origin}/private/logo.png`, 'image/png', PNG).expect(403);
    expect(refused.body.error).toBe('sdk_bodies_disabled');
    expect((await assetsOf()).assets.find((asset) => asset.url.endsWith('/logo.png'))).toMatchObject({
      status: 'http_error',
      http_status: 401,
    });
  });

  it('is switched on by an admin, validated, and read by every role', async () => {
    const bad = await request(server.app)
      .put('/api/v1/projects/default/settings/assets')
      .set(auth)
      .send({ sdk_bodies: 'yes' })
      .expect(400);
    expect(bad.body.path).toBe('sdk_bodies');
    await request(server.app)
      .post('/api/v1/users')
      .set(auth)
      .send({
        email: 'viewer@example.com',
        password: 'correct horse battery',
        projects: [{ project: 'default', role: 'viewer' }],
      })
      .expect(201);
    const viewer = request.agent(server.app);
    const login = await viewer
      .post('/api/v1/auth/login')
      .send({ email: 'viewer@example.com', password: 'correct horse battery' })
      .expect(200);
    await viewer
      .put('/api/v1/projects/default/settings/assets')
      .set('X-CSRF-Token', login.body.csrf_token)
      .send({ sdk_bodies: true })
      .expect(403);
    const on = await request(server.app)
      .put('/api/v1/projects/default/settings/assets')
      .set(auth)
      .send({ sdk_bodies: true })
      .expect(200);
    expect(on.body).toMatchObject({ project: 'default', sdk_bodies: true });
    const read = await viewer.get('/api/v1/projects/default/settings/assets').expect(200);
    expect(read.body.sdk_bodies).toBe(true);
  });

  it("lists the session's same-origin assets the server could not fetch, images before stylesheets", async () => {
    const wanted = await request(server.app).get('/v1/assets/wanted').query({ key: PUBLIC_KEY, session }).expect(200);
    expect(assetsWantedSchema.parse(wanted.body)).toEqual({
      enabled: true,
      urls: [`${origin}/private/logo.png`, `${origin}/private/app.css`],
    });
    expect(wanted.headers['access-control-allow-origin']).toBe('*');
    await request(server.app).get('/v1/assets/wanted').query({ session }).expect(401);
  });

  it('refuses other sites, URLs the recording does not use, wrong types and oversized bodies', async () => {
    const cross = await send('https://elsewhere.example/private/logo.png', 'image/png', PNG).expect(403);
    expect(cross.body.error).toBe('cross_origin_asset');
    const unlisted = await send(`${origin}/private/other.png`, 'image/png', PNG).expect(404);
    expect(unlisted.body.error).toBe('asset_not_listed');
    const html = await send(`${origin}/private/logo.png`, 'text/html', '<script>alert(1)</script>').expect(415);
    expect(html.body.error).toBe('unsupported_asset_type');
    const big = await send(`${origin}/private/logo.png`, 'image/png', Buffer.alloc(2 * 1024 * 1024 + 1)).expect(413);
    expect(big.body.error).toBe('payload_too_large');
    const badUrl = await send('javascript:alert(1)', 'image/png', PNG).expect(400);
    expect(badUrl.body.path).toBe('url');
    await send(`${origin}/private/logo.png`, 'image/png', PNG, 'pk_unknown').expect(401);
    expect((await assetsOf()).kept).toBe(0);
  });

  it('stores a good body under its own digest, serves it, and the replay uses it', async () => {
    const image = await send(`${origin}/private/logo.png`, 'image/png', PNG).expect(201);
    expect(image.body).toMatchObject({ stored: true, bytes: PNG.length });
    const css = await send(`${origin}/private/app.css`, 'text/css', 'body { background: url(logo.png) }').expect(201);
    const assets = await assetsOf();
    const logo = assets.assets.find((asset) => asset.url.endsWith('/logo.png'));
    const sheet = assets.assets.find((asset) => asset.url.endsWith('/app.css'));
    expect(logo).toMatchObject({ status: 'stored', content_type: 'image/png', detail: 'sent by the SDK' });
    expect(sheet).toMatchObject({ status: 'stored', asset: `/api/v1/projects/default/assets/${css.body.sha256}` });
    const served = await request(server.app).get(String(logo?.asset)).set(auth).expect(200);
    expect(Buffer.from(served.body)).toEqual(PNG);
    const cssText = (await request(server.app).get(String(sheet?.asset)).set(auth).expect(200)).text;
    expect(cssText).toBe(`body { background: url("${image.body.sha256}") }`);
    const replay = await request(server.app)
      .get(`/api/v1/projects/default/sessions/${session}/replay`)
      .set(auth)
      .expect(200);
    const text = JSON.stringify(replay.body.events);
    expect(text).toContain(String(logo?.asset));
    expect(text).toContain(String(sheet?.asset));
    expect(text).not.toContain(`${origin}/private`);
  });
});
