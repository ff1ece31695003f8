/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
import type { RunningServer } from '@snag/server';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flush, launchBrowser, recorderLoaded, sessionIdOf } from '../../helpers/browser.js';
import { ADMIN_TOKEN, PROJECT_KEY, removeDataDir, startSnag } from '../../helpers/snag-server.js';
import { differingPixelShare } from './pixels.js';
import { type RecordedSite, startRecordedSite } from './recorded-site.js';

/**
 * Issue 17, "Faithful, private replays", in Chromium against the real server: a page whose
 * stylesheet and web font come from a second origin is recorded; the site then ships a new
 * release (other CSS, font and images under the same URLs); the old replay still looks as
 * the person saw it, and playing it makes no request to either of the site's origins.
 */

/** Share of pixels allowed to differ between the live page and its replay (anti-aliasing, caret). */
const SAME_LOOK_MAX_SHARE = 0.01;
/** The new release must differ from the recorded one by more than this, or the comparison proves nothing. */
const NEW_RELEASE_MIN_SHARE = 0.2;
const RECORDED_VIEWPORT = { width: 640, height: 400 };
const ASSETS_POLL_MS = 250;
const ASSETS_TIMEOUT_MS = 30_000;

let snag: RunningServer & { dataDir: string };
let site: RecordedSite;
let browser: Browser;

beforeAll(async () => {
  snag = await startSnag({ env: { SNAG_OUTBOUND_ALLOW: '127.0.0.1' } });
  site = await startRecordedSite(snag.url, PROJECT_KEY);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await snag?.close();
  if (snag) removeDataDir(snag.dataDir);
});

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${snag.url}/api/v1/projects/default${path}`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Waits until the page's web font and images are in, so a screenshot shows the finished page. */
async function settled(frame: Page | Frame): Promise<void> {
  await frame
    .waitForFunction(
      () =>
        document.fonts.status === 'loaded' &&
        document.fonts.check('40px Brand') &&
        Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0),
      undefined,
      // A loaded machine (the whole suite in two workers beside a 60,000-cell recording) can be slow.
      { timeout: SETTLE_TIMEOUT_MS },
    )
    .catch(async (error: Error) => {
      // Say what never arrived: the font, or which image.
      const state = await frame.evaluate(() => ({
        fonts: document.fonts.status,
        brand: document.fonts.check('40px Brand'),
        images: Array.from(document.images).map((image) => `${image.src} ${image.complete} ${image.naturalWidth}`),
      }));
      throw new Error(`${error.message}\nnot settled: ${JSON.stringify(state)}`);
    });
}

const SETTLE_TIMEOUT_MS = 90_000;

/** Visits the site as a person would; returns the session and a screenshot of what they saw. */
async function visit(): Promise<{ session: string; screenshot: Buffer }> {
  const context = await browser.newContext({ viewport: RECORDED_VIEWPORT });
  const page = await context.newPage();
  await page.goto(site.url);
  await recorderLoaded(page);
  await settled(page);
  const screenshot = await page.screenshot();
  const session = await sessionIdOf(page);
  // The recorder lists loaded assets in idle time: let idle callbacks queued so far run before flushing.
  await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestIdleCallback(resolve), 0)));
  await flush(page);
  await context.close();
  return { session, screenshot };
}

const RRWEB_CUSTOM = 5;
type Reported = { assets: { url: string; kind: string }[] };
type Assets = { assets: { url: string; kind: string; status: string }[] };

async function waitForKeptAssets(session: string, paths: string[]): Promise<Assets> {
  const deadline = Date.now() + ASSETS_TIMEOUT_MS;
  for (;;) {
    const body = await api<Assets>(`/sessions/${session}/assets`);
    const stored = new Set(body.assets.filter((a) => a.status === 'stored').map((a) => new URL(a.url).pathname));
    if (paths.every((path) => stored.has(path))) return body;
    if (Date.now() > deadline) throw new Error(`assets not kept in time: ${JSON.stringify(body.assets)}`);
    await new Promise((resolve) => setTimeout(resolve, ASSETS_POLL_MS));
  }
}

describe('replays keep their own stylesheets, fonts and images', () => {
  let recorded: { session: string; screenshot: Buffer };

  it('records a page using a cross-origin stylesheet and web font, and keeps them', { timeout: 240_000 }, async () => {
    recorded = await visit();
    const kept = await waitForKeptAssets(recorded.session, ['/brand.css', '/brand.ttf', '/hero.svg', '/pattern.svg']);
    const brand = kept.assets.find((asset) => asset.url === `${site.cdnUrl}/brand.ttf`);
    expect(brand).toMatchObject({ kind: 'font', status: 'stored' });
    // The recorder listed what the page loaded: the cross-origin stylesheet and what same-origin CSS pulled in.
    // (Chromium leaves the cross-origin sheet's font out of Resource Timing: the server finds it in the sheet.)
    const replay = await api<{ events: { type: number; data: { tag?: string; payload?: Reported } }[] }>(
      `/sessions/${recorded.session}/replay`,
    );
    const reported = replay.events
      .filter((event) => event.type === RRWEB_CUSTOM && event.data.tag === 'snag-assets')
      .flatMap((event) => event.data.payload?.assets ?? []);
    expect(reported).toEqual(
      expect.arrayContaining([
        { url: `${site.cdnUrl}/brand.css`, kind: 'stylesheet' },
        { url: `${site.url}/pattern.svg`, kind: 'image' },
        { url: `${site.url}/hero.svg`, kind: 'image' },
      ]),
    );
  });

  it('replays it as recorded after the site changed, without a single request to the site', {
    timeout: 240_000,
  }, async () => {
    site.release(2);
    const newRelease = await visit();
    expect(await differingPixelShare(browser, recorded.screenshot, newRelease.screenshot)).toBeGreaterThan(
      NEW_RELEASE_MIN_SHARE,
    );

    const context = await browser.newContext({ baseURL: snag.url, viewport: { width: 1600, height: 1200 } });
    const signIn = await context.request.post('/api/v1/auth/login', { data: { token: ADMIN_TOKEN } });
    expect(signIn.ok()).toBe(true);
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();
    await page.goto(`/p/default/sessions/${encodeURIComponent(recorded.session)}`);
    const iframe = page.locator('[data-testid="player"] iframe');
    await iframe.waitFor();
    const frame = await (await iframe.elementHandle())?.contentFrame();
    if (!frame) throw new Error('no replay frame');
    await frame.waitForSelector('#title');
    await settled(frame);
    await page.addStyleTag({ content: '.replayer-mouse, .replayer-mouse-tail { display: none !important; }' });
    const box = await iframe.boundingBox();
    if (!box) throw new Error('the replay frame is not shown');
    const replayed = await page.screenshot({
      clip: { x: Math.round(box.x), y: Math.round(box.y), ...RECORDED_VIEWPORT },
    });
    const share = await differingPixelShare(browser, recorded.screenshot, replayed);
    expect(share).toBeLessThan(SAME_LOOK_MAX_SHARE);

    const siteOrigins = [site.url, site.cdnUrl];
    expect(requested.filter((url) => siteOrigins.some((origin) => url.startsWith(origin)))).toEqual([]);
    expect(requested.filter((url) => url.includes('/api/v1/projects/default/assets/')).length).toBeGreaterThanOrEqual(
      3,
    );
    // The panel says what could not be kept and why: the stylesheet's image that was already gone.
    await expect(page.getByTestId('asset-summary').textContent()).resolves.toMatch(/^\d+ kept, 1 could not be kept$/);
    const missing = page.locator('.asset-list li');
    await expect(missing.textContent()).resolves.toContain(`${site.url}/gone.png`);
    await expect(missing.textContent()).resolves.toContain('not found on the site (404)');
    await context.close();
  });
});
