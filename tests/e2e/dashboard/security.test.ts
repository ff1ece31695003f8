import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../helpers/browser.js';
import { PROJECT_KEY, removeDataDir, startSnag } from '../../helpers/snag-server.js';
import { signedInContext } from './helpers/dashboard-fixture.js';
import { HOSTILE_TEXT, hostileBatch } from './helpers/hostile-recording.js';

const SESSION = 'hostile-session-1';

let snag: Awaited<ReturnType<typeof startSnag>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const strayRequests: string[] = [];

const pwned = async () => (await page.evaluate('window.__pwned ?? 0')) as number;

beforeAll(async () => {
  snag = await startSnag();
  const res = await fetch(`${snag.url}/v1/ingest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Snag-Key': PROJECT_KEY },
    body: JSON.stringify(hostileBatch(SESSION, Date.now())),
  });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  browser = await launchBrowser();
  context = await signedInContext(browser, snag.url);
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(snag.url) && !request.url().startsWith('data:')) strayRequests.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await snag?.close();
  if (snag) removeDataDir(snag.dataDir);
});

describe('a recorded page with script, event handlers and javascript: URLs', () => {
  it('replays in a sandboxed iframe where none of it runs', async () => {
    await page.goto(`/p/default/sessions/${SESSION}`);
    const frame = page.frameLocator('[data-testid="player"] iframe');
    await expect(frame.locator('#title').textContent()).resolves.toBe('Checkout');
    await expect(page.getAttribute('[data-testid="player"] iframe', 'sandbox')).resolves.toBe('allow-same-origin');
    await frame.locator('#evil-link').dispatchEvent('click');
    await frame.locator('#evil-button').dispatchEvent('click');
    await page.click('button[aria-label^="Play"]');
    await page.waitForSelector('button[aria-label^="Play"]');
    expect(await pwned()).toBe(0);
  });

  it('shows recorded strings as text in every list', async () => {
    await expect(page.locator('.event-list').textContent()).resolves.toContain(HOSTILE_TEXT);
    await page.goto('/p/default?kind=dead_click');
    await page.waitForSelector('.hotspot-table tbody tr');
    await expect(page.locator('.hotspot-table').textContent()).resolves.toContain(HOSTILE_TEXT);
    await page.goto(`/p/default/heatmap?path=${encodeURIComponent('/checkout')}`);
    await page.waitForSelector('[data-testid="page-snapshot"][data-ready="true"]');
    await expect(page.locator('.element-list').textContent()).resolves.toContain(HOSTILE_TEXT);
    expect(await pwned()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(strayRequests.filter((url) => url.includes('evil.example') === false && !url.startsWith('about:'))).toEqual(
      [],
    );
  });
});

describe('dashboard responses', () => {
  it('carry a strict CSP, forbid framing, and send nosniff and a referrer policy', async () => {
    const html = await fetch(`${snag.url}/p/default/sessions`);
    const body = await html.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(body)?.[1];
    expect(asset).toBeDefined();
    for (const res of [html, await fetch(`${snag.url}${asset}`), await fetch(`${snag.url}/sign-in`)]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc.trim()).toBe("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('leave the API and ingest routes alone', async () => {
    const api = await fetch(`${snag.url}/api/v1/nothing-here`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/json');
    const health = await fetch(`${snag.url}/healthz`);
    await expect(health.json()).resolves.toEqual({ status: 'ok' });
    const sdk = await fetch(`${snag.url}/sdk.js`);
    expect(sdk.headers.get('content-type')).toContain('javascript');
  });
});
