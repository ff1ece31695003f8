import type { RunningServer } from '@snag/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Shop, startShop } from '../../../../examples/demo-shop/shop-server.js';
import { flush, launchBrowser, recorderLoaded, sessionIdOf } from '../../../helpers/browser.js';
import {
  ADMIN_TOKEN,
  PROJECT_KEY,
  removeDataDir,
  type StoredEvent,
  startSnag,
  storedEvents,
} from '../../../helpers/snag-server.js';

/**
 * Issue 14 part 2 in real Chromium against the real server and the built SDK: the demo shop with
 * `data-replay="on-struggle"` (a multi-page site: every page is a full page load). Without a
 * trigger no replay leaves the browser; a rage click after a minute of ordinary use keeps a replay
 * that starts with a full snapshot at least 60 s (the default `replayBufferMs`) before it;
 * `snag.keepReplay()` keeps it too, and the rest of the session is recorded; a trigger that
 * happens before the recorder chunk has loaded is not lost.
 */

const PREROLL_MS = 60_000;
/** How long the ordinary use lasts before the struggle (a little over the pre-roll asked for). */
const ORDINARY_USE_MS = 66_000;
const BADGE = '[data-testid="free-shipping"]';

let snag: RunningServer & { dataDir: string };
let shop: Shop;
let browser: Browser;

interface ChunkRow {
  client_time: string;
  first_timestamp: number;
  full_snapshot: number;
  bytes: number;
}

/** The session's stored replay chunks in time order (first_timestamp: the chunk's first rrweb event). */
async function chunksOf(sessionId: string): Promise<ChunkRow[]> {
  const rows = (await snag.store.query(
    `SELECT toString(client_time) AS client_time, first_timestamp, full_snapshot, length(data) AS bytes
     FROM {db:Identifier}.replay_chunks FINAL WHERE session_id = {session:String} ORDER BY client_time, seq`,
    { session: sessionId },
  )) as ChunkRow[];
  return rows.map((row) => ({
    ...row,
    first_timestamp: Number(row.first_timestamp),
    full_snapshot: Number(row.full_snapshot),
  }));
}

const keptNotice = (events: StoredEvent[]) =>
  events.find((event) => event.type === 'custom' && event.name === '$snag_replay_kept') as
    | (StoredEvent & { props: Record<string, string | number | boolean> })
    | undefined;

/** Flushes until the session's replay (with its full snapshot, taken in slices) is stored. */
async function storedReplay(page: Page, sessionId: string): Promise<ChunkRow[]> {
  let rows: ChunkRow[] = [];
  await expect
    .poll(
      async () => {
        await flush(page);
        rows = await chunksOf(sessionId);
        return rows.some((row) => row.full_snapshot === 1);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return rows;
}

async function visitor(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

/** A page view of ordinary use: the page loads, the recorder starts, the visitor scrolls and reads. */
async function browse(page: Page, path: string, readMs: number): Promise<void> {
  await page.goto(`${shop.url}${path}`);
  await recorderLoaded(page);
  await page.mouse.move(200, 300);
  await page.mouse.wheel(0, 250);
  await page.waitForTimeout(readMs / 2);
  await page.mouse.wheel(0, -250);
  await page.waitForTimeout(readMs / 2);
}

beforeAll(async () => {
  snag = await startSnag();
  shop = await startShop({ snagUrl: snag.url, key: PROJECT_KEY, sdkAttributes: 'data-replay="on-struggle"' });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await snag?.close();
  if (snag) removeDataDir(snag.dataDir);
});

describe('replay on-struggle (demo shop, built SDK, real server)', () => {
  it('sends no replay at all for a session without a trigger', async () => {
    const { context, page } = await visitor();
    await browse(page, '/', 3_000);
    const sessionId = await sessionIdOf(page);
    await browse(page, '/product', 3_000);
    await browse(page, '/cart', 3_000);
    await flush(page);
    const events = await storedEvents(snag.url, sessionId);
    expect(events.filter((event) => event.type === 'page')).toHaveLength(3);
    expect(await chunksOf(sessionId)).toEqual([]);
    await context.close();
  });

  it('keeps a replay that starts at least 60 s before a rage click that follows a minute of ordinary use', async () => {
    const { context, page } = await visitor();
    const paths = ['/', '/product', '/size-guide', '/cart', '/'];
    const began = Date.now();
    for (let view = 0; Date.now() - began < ORDINARY_USE_MS; view++)
      await browse(page, paths[view % paths.length] ?? '/', 5_000);
    const sessionId = await sessionIdOf(page);
    expect(await chunksOf(sessionId)).toEqual([]);

    await browse(page, '/product', 3_200);
    for (let click = 0; click < 4; click++) await page.click(BADGE, { delay: 20 });
    const rows = await storedReplay(page, sessionId);
    const events = await storedEvents(snag.url, sessionId);
    const rage = events.find((event) => event.type === 'signal' && event.kind === 'rage_click');
    const notice = keptNotice(events);
    expect(notice?.props).toMatchObject({
      mode: 'on-struggle',
      trigger: 'rage_click',
      trimmed: false,
      buffer_ms: PREROLL_MS,
    });
    expect(notice?.props.trigger_t).toBe(rage?.t);
    // The kept replay starts with a full snapshot, at least the pre-roll before the struggle, on an earlier page.
    const first = rows[0] as ChunkRow;
    expect(first.full_snapshot).toBe(1);
    expect(first.first_timestamp).toBe(notice?.props.preroll_start_t);
    expect(Number(rage?.t) - first.first_timestamp).toBeGreaterThanOrEqual(PREROLL_MS);

    // The rest of the session is recorded as `always`, also on the next page load.
    const before = rows.length;
    await browse(page, '/cart', 1_000);
    await expect
      .poll(async () => {
        await flush(page);
        return (await chunksOf(sessionId)).filter((row) => row.first_timestamp > Number(rage?.t)).length;
      })
      .toBeGreaterThan(0);
    expect((await chunksOf(sessionId)).length).toBeGreaterThan(before);
    await context.close();
  }, 150_000);

  it('keeps the replay when the host page calls snag.keepReplay()', async () => {
    const { context, page } = await visitor();
    await browse(page, '/', 2_000);
    const sessionId = await sessionIdOf(page);
    await browse(page, '/product', 2_000);
    await flush(page);
    expect(await chunksOf(sessionId)).toEqual([]);
    const asked = Date.now();
    await page.evaluate('window.snag.keepReplay()');
    const rows = await storedReplay(page, sessionId);
    const notice = keptNotice(await storedEvents(snag.url, sessionId));
    expect(notice?.props.trigger).toBe('keep_replay');
    // The pre-roll reaches back to the first page's snapshot (carried across the page load).
    expect(rows[0]?.full_snapshot).toBe(1);
    expect(rows[0]?.first_timestamp).toBeLessThan(asked - 2_000);
    await context.close();

    // The dashboard says how it was kept, in the list and on the replay, whose timeline marks the pre-roll.
    const analyst = await browser.newContext({ baseURL: snag.url, viewport: { width: 1280, height: 800 } });
    expect((await analyst.request.post('/api/v1/auth/login', { data: { token: ADMIN_TOKEN } })).ok()).toBe(true);
    const dashboard = await analyst.newPage();
    await dashboard.goto('/p/default/sessions?sort=recent');
    const row = dashboard.locator('tr', { has: dashboard.locator(`a[href*="${sessionId}"]`) });
    await expect(row.getByTestId('replay-kept').textContent()).resolves.toMatch(/^replay on-struggle from 0:0\d$/);
    await expect(row.getByTestId('replay-kept').getAttribute('title')).resolves.toMatch(/^Kept by keepReplay\(\)/);
    await dashboard.goto(`/p/default/sessions/${sessionId}`);
    await dashboard.waitForSelector('[data-testid="player"] iframe');
    await expect(dashboard.locator('.timeline-marker.marker-preroll').count()).resolves.toBe(1);
    await expect(dashboard.getByTestId('replay-kept').textContent()).resolves.toMatch(/on-struggle from/);
    await analyst.close();
  });

  it('keeps a trigger that happens before the recorder chunk has loaded', async () => {
    const { context, page } = await visitor();
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/sdk\/snag-recorder\./, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${shop.url}/product`);
    const sessionId = await sessionIdOf(page);
    await page.evaluate(`setTimeout(() => { throw new Error('checkout failed early') })`);
    await page.waitForFunction('document.readyState === "complete"');
    expect(await page.evaluate('typeof window.__snagRecorder')).toBe('undefined');
    release();
    await recorderLoaded(page);
    const rows = await storedReplay(page, sessionId);
    expect(rows[0]?.full_snapshot).toBe(1);
    const events = await storedEvents(snag.url, sessionId);
    const error = events.find((event) => event.type === 'error');
    expect(keptNotice(events)?.props).toMatchObject({ trigger: 'error', trigger_t: error?.t });
    await context.close();
  });
});
