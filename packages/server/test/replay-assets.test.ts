import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { replayAssetsResponseSchema } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAllowList } from '../src/net/allow-list.js';
import { makeBatch, makeReplayEvent, uniqueId } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

/** The recorded site, on loopback: stylesheets importing stylesheets, a web font, images. */
let site: Server;
let origin: string;
const hits = new Map<string, number>();
const files: Record<string, [string, string | Buffer]> = {
  '/main.css': [
    'text/css',
    '@import url("theme.css");\nbody { background: url(/img/bg.png) no-repeat; }\n/* url(/not-a-reference.png) */',
  ],
  '/theme.css': [
    'text/css',
    '@font-face { font-family: Shop; src: url("fonts/shop.woff2") format("woff2"); }\nh1 { font-family: Shop; }',
  ],
  '/fonts/shop.woff2': ['font/woff2', Buffer.from('wOF2-fake-font-bytes')],
  '/img/bg.png': ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])],
  '/img/logo.svg': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
  '/img/big.png': ['image/png', Buffer.alloc(6 * 1024 * 1024)],
  '/page.html': ['text/html', '<script>alert(1)</script>'],
};

/** Requests for /hang.png wait here until a test lets them go. */
const hanging: (() => void)[] = [];

let server: TestServer;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  site = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/hang.png') {
      hanging.push(() => res.writeHead(503).end());
      return;
    }
    const file = files[path];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  server = await createTestServer({
    assets: { allow: createAllowList(['127.0.0.1']), maxProjectBytes: 64 * 1024 * 1024 },
  });
});

afterAll(async () => {
  await server.close();
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

/** A full snapshot of a page using the site's assets, as rrweb serialises it. */
function recording(t: number) {
  const el = (id: number, tagName: string, attributes: object, childNodes: object[] = []) => ({
    type: 2,
    id,
    tagName,
    attributes,
    childNodes,
  });
  return [
    { type: 4, timestamp: t, data: { href: `${origin}/shop`, width: 1280, height: 800 } },
    {
      type: 2,
      timestamp: t + 1,
      data: {
        node: {
          type: 0,
          id: 1,
          childNodes: [
            el(2, 'html', {}, [
              el(3, 'head', {}, [
                el(4, 'link', { rel: 'stylesheet', href: `${origin}/main.css` }),
                el(5, 'link', { rel: 'icon', href: `${origin}/img/logo.svg` }),
                el(6, 'style', {}, [
                  { type: 3, id: 7, textContent: `.hero{background-image:url("${origin}/img/bg.png")}`, isStyle: true },
                ]),
                el(17, 'link', { rel: 'preload', as: 'fetch', href: `${origin}/page.html` }),
              ]),
              el(8, 'body', { style: `background: url(${origin}/img/missing.png)` }, [
                el(9, 'img', {
                  src: `${origin}/img/logo.svg`,
                  srcset: `${origin}/img/bg.png 1x, ${origin}/img/big.png 2x`,
                }),
                el(10, 'img', { src: 'http://169.254.169.254/latest/meta-data/icon.png' }),
                el(11, 'a', { href: `${origin}/checkout` }),
                el(12, 'iframe', { src: `${origin}/page.html` }),
              ]),
            ]),
          ],
        },
        initialOffset: { top: 0, left: 0 },
      },
    },
  ];
}

async function record(sessionId: string) {
  const t = Date.now() - 10_000;
  const batch = makeBatch({ sessionId, t }, [makeReplayEvent({ t, rrweb: recording(t) })]);
  await request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
  await server.assets?.idle();
}

describe('replay assets', () => {
  const first = uniqueId('sess');

  it('keeps stylesheets (with their imports and fonts) and images, and says why others were not kept', async () => {
    await record(first);
    const body = replayAssetsResponseSchema.parse(
      (await request(server.app).get(`/api/v1/projects/default/sessions/${first}/assets`).set(auth).expect(200)).body,
    );
    const byPath = Object.fromEntries(body.assets.map((asset) => [asset.url.replace(origin, ''), asset]));
    expect(byPath['/main.css']).toMatchObject({ kind: 'stylesheet', status: 'stored', http_status: 200 });
    expect(byPath['/theme.css']).toMatchObject({ kind: 'stylesheet', status: 'stored' });
    expect(byPath['/fonts/shop.woff2']).toMatchObject({ kind: 'font', status: 'stored', content_type: 'font/woff2' });
    expect(byPath['/img/bg.png']).toMatchObject({ kind: 'image', status: 'stored', bytes: 7 });
    expect(byPath['/img/logo.svg']).toMatchObject({ kind: 'image', status: 'stored', content_type: 'image/svg+xml' });
    expect(byPath['/img/missing.png']).toMatchObject({ status: 'not_found', http_status: 404, asset: null });
    expect(byPath['/img/big.png']).toMatchObject({ status: 'too_large' });
    expect(byPath['http://169.254.169.254/latest/meta-data/icon.png']).toMatchObject({ status: 'blocked_address' });
    // Pages, frames and links are never fetched, and a URL in a CSS comment is not a reference.
    expect(byPath['/page.html']).toBeUndefined();
    expect(byPath['/checkout']).toBeUndefined();
    expect(hits.get('/page.html')).toBeUndefined();
    expect(hits.get('/not-a-reference.png')).toBeUndefined();
    expect(body.kept).toBe(5);
    expect(body.not_kept).toBe(3);
  });

  it('serves the kept stylesheet with its URLs pointing at kept copies, nested imports included', async () => {
    const body = (await request(server.app).get(`/api/v1/projects/default/sessions/${first}/assets`).set(auth)).body;
    const main = body.assets.find((asset: { url: string }) => asset.url.endsWith('/main.css'));
    const css = await request(server.app).get(main.asset).set(auth).expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.text).not.toContain(origin);
    const imported = /@import (?:url\()?"([0-9a-f]{64})"/.exec(css.text)?.[1];
    expect(imported).toBeDefined();
    const theme = await request(server.app).get(`/api/v1/projects/default/assets/${imported}`).set(auth).expect(200);
    const font = /url\("([0-9a-f]{64})"\)/.exec(theme.text)?.[1];
    const fontBody = await request(server.app).get(`/api/v1/projects/default/assets/${font}`).set(auth).expect(200);
    expect(Buffer.from(fontBody.body).toString()).toBe('wOF2-fake-font-bytes');
  });

  it('serves SVG sandboxed, without sniffing, and only to people with access to the project', async () => {
    const body = (await request(server.app).get(`/api/v1/projects/default/sessions/${first}/assets`).set(auth)).body;
    const svg = body.assets.find((asset: { url: string }) => asset.url.endsWith('/logo.svg'));
    const response = await request(server.app).get(svg.asset).set(auth).expect(200);
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    await request(server.app).get(svg.asset).expect(401);
    await request(server.app)
      .get(`/api/v1/projects/default/assets/${'0'.repeat(64)}`)
      .set(auth)
      .expect(404);
    const bad = await request(server.app).get('/api/v1/projects/default/assets/../../x').set(auth);
    expect(bad.status).toBeGreaterThanOrEqual(400);
  });

  it('serves the replay with every asset URL on Snag and nothing left pointing at the recorded site', async () => {
    const replay = await request(server.app)
      .get(`/api/v1/projects/default/sessions/${first}/replay`)
      .set(auth)
      .expect(200);
    const text = JSON.stringify(replay.body.events);
    // The page URL in the meta event and the link stay (they load nothing); no asset URL does.
    const leftovers = [...text.matchAll(new RegExp(`${origin.replace(/[.:/]/g, '\\$&')}[^"\\\\ )]*`, 'g'))].map(
      (m) => m[0],
    );
    expect(new Set(leftovers)).toEqual(new Set([`${origin}/shop`, `${origin}/checkout`]));
    expect(text).toContain('/api/v1/projects/default/assets/');
    expect(text).toContain('about:invalid#snag-asset-not-kept');
    expect(text).not.toContain('169.254.169.254');
  });

  it('fetches each asset once and stores each body once across sessions', async () => {
    const before = { ...Object.fromEntries(hits) };
    const bodies = async () =>
      Number(
        (
          await server.store.query<{ n: number }>(
            'SELECT count() AS n FROM (SELECT DISTINCT sha256 FROM {db:Identifier}.asset_bodies)',
          )
        )[0]?.n,
      );
    const stored = await bodies();
    await record(uniqueId('sess'));
    expect(Object.fromEntries(hits)).toEqual(before);
    expect(await bodies()).toBe(stored);
  });

  it('answers ingest before any asset is fetched: a site that does not answer holds up nothing', async () => {
    const session = uniqueId('sess');
    const t = Date.now() - 10_000;
    const page = [
      { type: 4, timestamp: t, data: { href: `${origin}/slow`, width: 800, height: 600 } },
      {
        type: 2,
        timestamp: t + 1,
        data: {
          node: {
            type: 0,
            id: 1,
            childNodes: [{ type: 2, id: 2, tagName: 'img', attributes: { src: `${origin}/hang.png` } }],
          },
          initialOffset: { top: 0, left: 0 },
        },
      },
    ];
    const batch = makeBatch({ sessionId: session, t }, [makeReplayEvent({ t, rrweb: page })]);
    await request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    // Accepted and stored while the site has not answered (or even been asked) yet.
    const replay = await request(server.app).get(`/api/v1/projects/default/sessions/${session}/replay`).set(auth);
    expect(replay.status).toBe(200);
    expect(JSON.stringify(replay.body.events)).not.toContain('/hang.png');
    while (hanging.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    for (const release of hanging.splice(0)) release();
    await server.assets?.idle();
    const body = (await request(server.app).get(`/api/v1/projects/default/sessions/${session}/assets`).set(auth)).body;
    expect(body.assets).toMatchObject([{ url: `${origin}/hang.png`, status: 'http_error', http_status: 503 }]);
  });
});
