import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flush, launchBrowser, recorderLoaded, sessionIdOf } from '../../helpers/browser.js';
import { ADMIN_TOKEN, PROJECT_KEY, removeDataDir, startSnag } from '../../helpers/snag-server.js';

/**
 * Issue 17, assets behind sign-in: the recorded site's stylesheet and logo answer 401 without
 * the person's cookie, so Snag's server cannot fetch them. With the project's setting on, the
 * recorder sends their bodies and the replay shows them from Snag; with it off, they are listed
 * as not kept and nothing is sent.
 */

const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#7a1f5c"/></svg>';
const CSS = 'body{margin:0;background:#f4f1e8}h1{color:#1f7a3a}';
/** Waiting for the recorder's requests, which it makes ASSET_BODIES_ASK_AFTER_MS (12 s) after the list. */
const SENDER_TIMEOUT_MS = 40_000;

let snag: RunningServer & { dataDir: string };
let site: Server;
let siteUrl: string;
let browser: Browser;
const requests: string[] = [];

beforeAll(async () => {
  snag = await startSnag({ env: { SNAG_OUTBOUND_ALLOW: '127.0.0.1' } });
  site = createServer((req, res) => {
    const signedIn = /(^|;\s*)sid=ok(;|$)/.test(req.headers.cookie ?? '');
    requests.push(`${req.url} ${signedIn ? 'with' : 'without'} cookie`);
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Account</title>
<link rel="stylesheet" href="/private/app.css">
<script async src="${snag.url}/sdk.js" data-key="${PROJECT_KEY}"></script></head>
<body><h1 id="title">Your account</h1><img id="logo" alt="Logo" src="/private/logo.svg"></body></html>`);
      return;
    }
    if (!signedIn) return void res.writeHead(401, { 'Content-Type': 'text/plain' }).end('sign in first');
    if (req.url === '/private/app.css') return void res.writeHead(200, { 'Content-Type': 'text/css' }).end(CSS);
    if (req.url === '/private/logo.svg') return void res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(LOGO);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  site?.closeAllConnections();
  await new Promise((resolve) => site?.close(resolve));
  await snag?.close();
  if (snag) removeDataDir(snag.dataDir);
});

async function api(method: string, path: string, body?: object): Promise<Response> {
  return fetch(`${snag.url}/api/v1/projects/default${path}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
}

type Assets = { assets: { url: string; status: string; asset: string | null; detail: string }[] };
const assetsOf = async (session: string) => (await (await api('GET', `/sessions/${session}/assets`)).json()) as Assets;

/** A signed-in person visits; resolves once the recorder asked which bodies are wanted and sent them. */
async function visit(expectedPosts: number): Promise<{ session: string; posted: number[] }> {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'sid', value: 'ok', url: siteUrl }]);
  const page = await context.newPage();
  const posted: number[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && response.url().startsWith(`${snag.url}/v1/assets?`)) {
      posted.push(response.status());
    }
  });
  const wanted = page.waitForResponse((r) => r.url().startsWith(`${snag.url}/v1/assets/wanted`), {
    timeout: SENDER_TIMEOUT_MS,
  });
  await page.goto(siteUrl);
  await recorderLoaded(page);
  await page.waitForFunction(() => (document.getElementById('logo') as HTMLImageElement).naturalWidth > 0);
  const session = await sessionIdOf(page);
  await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestIdleCallback(resolve), 0)));
  await flush(page);
  await wanted;
  while (posted.length < expectedPosts) await page.waitForResponse((r) => r.request().method() === 'POST');
  await context.close();
  return { session, posted };
}

describe('asset bodies sent by the SDK for assets behind sign-in', () => {
  it('with the setting off, lists them as not kept and sends nothing', async () => {
    const { session, posted } = await visit(0);
    expect(posted).toEqual([]);
    const assets = await assetsOf(session);
    const logo = assets.assets.find((asset) => asset.url === `${siteUrl}/private/logo.svg`);
    expect(logo).toMatchObject({ status: 'http_error', asset: null });
    // The server tried without the cookie; the browser, signed in, loaded the page's own copies.
    expect(requests).toContain('/private/logo.svg without cookie');
    expect(requests).toContain('/private/logo.svg with cookie');
  });

  it('with the setting on, keeps the bodies the recorder sent and the replay shows them from Snag', async () => {
    expect((await api('PUT', '/settings/assets', { sdk_bodies: true })).status).toBe(200);
    const { session, posted } = await visit(2);
    expect(posted).toEqual([201, 201]);
    const assets = await assetsOf(session);
    const byPath = Object.fromEntries(assets.assets.map((asset) => [new URL(asset.url).pathname, asset]));
    expect(byPath['/private/logo.svg']).toMatchObject({ status: 'stored', detail: 'sent by the SDK' });
    expect(byPath['/private/app.css']).toMatchObject({ status: 'stored', detail: 'sent by the SDK' });

    const context = await browser.newContext({ baseURL: snag.url });
    const signIn = await context.request.post('/api/v1/auth/login', { data: { token: ADMIN_TOKEN } });
    expect(signIn.ok()).toBe(true);
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();
    await page.goto(`/p/default/sessions/${encodeURIComponent(session)}`);
    const iframe = page.locator('[data-testid="player"] iframe');
    await iframe.waitFor();
    const frame = await (await iframe.elementHandle())?.contentFrame();
    if (!frame) throw new Error('no replay frame');
    await frame.waitForSelector('#logo');
    const shown = await frame.waitForFunction(() => {
      const logo = document.getElementById('logo') as HTMLImageElement | null;
      return logo?.complete && logo.naturalWidth > 0 ? logo.getAttribute('src') : undefined;
    });
    expect(await shown.jsonValue()).toBe(byPath['/private/logo.svg']?.asset);
    expect(requested.filter((url) => url.startsWith(siteUrl))).toEqual([]);
    await context.close();
  });
});
