import { join } from 'node:path';
import type { RunningServer } from '@snag/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../../../helpers/app-server.js';
import { flush, sessionIdOf } from '../../../helpers/browser.js';
import { startScenario, stopScenario } from '../../../helpers/scenario.js';
import { startSnag, storedEvents } from '../../../helpers/snag-server.js';

let snag: RunningServer & { dataDir: string };
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  ({ snag, app, browser } = await startScenario(join(import.meta.dirname, 'template.html'), () => snag.url));
});

afterAll(() => stopScenario({ snag, app, browser }));

/** A fresh browser profile (own localStorage) that counts the requests made to the ingest endpoint. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page; ingestRequests: () => number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let count = 0;
  page.on('request', (request) => {
    if (request.url().includes('/v1/ingest')) count++;
  });
  return { context, page, ingestRequests: () => count };
}

const sdkReady = (page: Page) => page.waitForFunction('window.snag !== undefined');
const snagKeys = (page: Page) =>
  page.evaluate(`Object.keys(localStorage).filter((key) => key.startsWith('snag_'))`) as Promise<string[]>;

describe('delivery, consent and opt-out', () => {
  it('stores and sends nothing before consent, and tracks once consent is given', async () => {
    const { context, page, ingestRequests } = await freshPage();
    await page.goto(`${app.url}/signup?consent`);
    await sdkReady(page);
    await page.click('#save');
    await flush(page);
    expect(await page.evaluate('window.snag.getSessionId()')).toBeUndefined();
    expect(await snagKeys(page)).toEqual([]);
    expect(ingestRequests()).toBe(0);

    await page.evaluate('window.snag.consent(true)');
    const sessionId = await sessionIdOf(page);
    await page.click('#save');
    await flush(page);
    const types = (await storedEvents(snag.url, sessionId)).map((event) => event.type);
    expect(types).toEqual(['page', 'click']);
    await context.close();
  });

  it('sends nothing after opt-out, across reloads, until opt-in', async () => {
    const { context, page, ingestRequests } = await freshPage();
    await page.goto(`${app.url}/home`);
    await sdkReady(page);
    await page.evaluate('window.snag.optOut()');
    await page.click('#save');
    await flush(page);
    await page.reload();
    await sdkReady(page);
    await page.click('#save');
    await flush(page);
    expect(await page.evaluate('window.snag.getSessionId()')).toBeUndefined();
    expect(ingestRequests()).toBe(0);

    await page.evaluate('window.snag.optIn()');
    const sessionId = await sessionIdOf(page);
    await flush(page);
    expect((await storedEvents(snag.url, sessionId)).map((event) => event.type)).toEqual(['page']);
    await context.close();
  });

  it('tracks nothing when asked to honour Global Privacy Control and the browser sends it', async () => {
    const { context, page, ingestRequests } = await freshPage();
    await page.addInitScript(`Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })`);
    await page.goto(`${app.url}/home?dnt`);
    await sdkReady(page);
    await page.click('#save');
    await flush(page);
    expect(await page.evaluate('window.snag.getSessionId()')).toBeUndefined();
    expect(await snagKeys(page)).toEqual([]);
    expect(ingestRequests()).toBe(0);
    await context.close();
  });

  it('delivers what is still pending when the page goes away (keepalive fetch / sendBeacon)', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${app.url}/leaving`);
    const sessionId = await sessionIdOf(page);
    await page.click('#save');
    // Well inside the 5 s batch interval: only the exit path can send the click.
    await page.goto('about:blank');
    await expect
      .poll(async () => (await storedEvents(snag.url, sessionId)).map((event) => event.type), { timeout: 10_000 })
      .toEqual(['page', 'click']);
    await context.close();
  });

  it('lets beforeSend drop and edit events, and sends identify and track', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${app.url}/account?manual`);
    const sessionId = await sessionIdOf(page);
    await page.click('#drop');
    await page.click('#save');
    await page.evaluate(`window.snag.identify('user-42', { plan: 'pro' }); window.snag.track('upgrade', { step: 2 })`);
    await flush(page);
    const events = await storedEvents(snag.url, sessionId);
    const byType = (type: string) => events.filter((event) => event.type === type);
    expect(events).toHaveLength(4);
    expect(byType('page')).toHaveLength(1);
    expect(byType('click').map((event) => event.element)).toEqual([expect.objectContaining({ selector: '#save' })]);
    expect(byType('identify')).toEqual([expect.objectContaining({ user_id: 'user-42', traits: { plan: 'pro' } })]);
    expect(byType('custom')).toEqual([expect.objectContaining({ name: 'upgrade', props: { step: 2, edited: true } })]);
    await context.close();
  });

  it('queues events while the server is down and delivers them after it restarts, across a reload', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${app.url}/orders`);
    const sessionId = await sessionIdOf(page);
    await flush(page);

    const { port, dataDir } = snag;
    await snag.close();
    for (let i = 0; i < 3; i++) await page.click('#save');
    await page.evaluate('void window.snag.flush(); 0');
    // The failed batch waits in the persistent outbox, which survives the reload below.
    await page.waitForFunction(
      `Object.keys(localStorage).some((key) => key.startsWith('snag_q.') && localStorage.getItem(key).includes('#save'))`,
    );
    await page.reload();

    snag = await startSnag({ dataDir, port });
    await page.reload();
    expect(await sessionIdOf(page)).toBe(sessionId);
    await flush(page);
    const events = await storedEvents(snag.url, sessionId);
    expect(events.filter((event) => event.type === 'click')).toHaveLength(3);
    // sdk.js comes from the browser cache while the server is down, so the first reload's page view is
    // queued offline too and delivered with the rest.
    expect(events.filter((event) => event.type === 'page').map((event) => event.navigation)).toEqual([
      'navigate',
      'reload',
      'reload',
    ]);
    await context.close();
  });
});
