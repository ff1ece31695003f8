import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RunningServer } from '@snag/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../../../helpers/app-server.js';
import { collectPageErrors, flush, recorderLoaded, sessionIdOf } from '../../../helpers/browser.js';
import { startScenario, stopScenario } from '../../../helpers/scenario.js';
import {
  dumpTable,
  type ReplayChunkRow,
  replayChunks,
  type StoredEvent,
  storedEvents,
} from '../../../helpers/snag-server.js';

const SECRET = `s3cret-${Date.now().toString(36)}-typed`;
const QUERY_TOKEN = 'tok-e2e-query-9f8e7d';

let snag: RunningServer & { dataDir: string };
let app: AppServer;
let browser: Browser;
let sessionId: string;
let reloadedSessionId: string;
let events: StoredEvent[];
let chunks: ReplayChunkRow[];
let pageErrors: string[];
let brokenCount: string;
let addedToPage: string[];

const ofType = (type: string) => events.filter((event) => event.type === type);

/** One scripted visit through everything the SDK captures; the tests below check what the server stored. */
async function visit(page: Page): Promise<void> {
  // Every element added to the document during the visit, as the page's own scripts would see it.
  await page.addInitScript(`window.__addedToPage = [];
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) window.__addedToPage.push(node.tagName);
    }).observe(document, { childList: true, subtree: true });`);
  await page.goto(`${app.url}/checkout?secret_token=${QUERY_TOKEN}&utm_source=mail`);
  sessionId = await sessionIdOf(page);
  await recorderLoaded(page);

  await page.click('#save');
  await page.click('[data-testid="checkout"]');
  await page.click('button[aria-label="Close dialog"]');
  await page.click('#masked-btn');
  await page.click('.card >> nth=1');
  await page.click('#broken');
  await page.click('#broken');
  brokenCount = (await page.textContent('#count')) ?? '';

  for (const field of ['#name', '#password', '#notes', '#ignored']) {
    await page.click(field);
    await page.keyboard.type(SECRET);
  }
  await page.keyboard.press('Tab');
  await page.mouse.wheel(0, 1200);

  await page.evaluate(`setTimeout(() => { throw new Error('boom from a timer'); }, 0); 0`);
  await page.evaluate(`void Promise.reject(new Error('rejected promise')); 0`);
  await page.evaluate(`fetch('/api/status/404?token=${QUERY_TOKEN}').then(() => 0)`);
  await page.evaluate(`fetch('http://127.0.0.1:9/unreachable').catch(() => 0)`);
  await page.evaluate(`new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/status/500');
    xhr.onloadend = () => resolve(0);
    xhr.send('{}');
  })`);

  await page.click('#nav-settings');
  await page.waitForFunction(`location.pathname === '/app/settings'`);
  await page.evaluate('history.back()');
  await page.waitForFunction(`location.pathname === '/checkout'`);
  await page.waitForTimeout(100);
  await flush(page);
  addedToPage = (await page.evaluate('window.__addedToPage')) as string[];

  await page.reload();
  reloadedSessionId = await sessionIdOf(page);
  await flush(page);
}

beforeAll(async () => {
  ({ snag, app, browser } = await startScenario(join(import.meta.dirname, 'template.html'), () => snag.url));
  const page = await browser.newPage();
  pageErrors = collectPageErrors(page);
  await visit(page);
  await page.close();
  events = await storedEvents(snag.url, sessionId);
  chunks = await replayChunks(snag, sessionId);
});

afterAll(() => stopScenario({ snag, app, browser }));

describe('SDK loaded by script tag from the Snag server', () => {
  it('keeps the session id across a reload', () => {
    expect(sessionId).toMatch(/^[a-z0-9]{16,28}$/);
    expect(reloadedSessionId).toBe(sessionId);
  });

  it('adds nothing to the page: no iframe (rrweb adds one to the body to check for patched prototypes)', () => {
    expect(addedToPage.length).toBeGreaterThan(0);
    expect(addedToPage).not.toContain('IFRAME');
  });

  it('reads no selection while the person types in a field (every read can lay out the page)', async () => {
    const page = await browser.newPage();
    // Counts reads of the Selection properties that lay the page out when it changed since the last frame.
    await page.addInitScript(`window.__selectionReads = 0;
      for (const name of ['anchorNode', 'focusNode', 'anchorOffset', 'focusOffset', 'isCollapsed', 'type', 'rangeCount']) {
        const { get } = Object.getOwnPropertyDescriptor(Selection.prototype, name);
        Object.defineProperty(Selection.prototype, name, { get() { window.__selectionReads++; return get.call(this); }, configurable: true });
      }`);
    await page.goto(`${app.url}/checkout`);
    await recorderLoaded(page);
    const reads = () => page.evaluate('window.__selectionReads') as Promise<number>;
    for (const field of ['#name', '#notes']) {
      await page.click(field);
      await page.waitForTimeout(200);
      const before = await reads();
      await page.keyboard.type('typing a few words here');
      await page.waitForTimeout(200);
      expect(await reads()).toBe(before);
    }
    // Selecting the page's own text is read (a selection is a reaction to a press).
    await page.click('#title', { clickCount: 3 });
    await page.waitForTimeout(200);
    expect(await reads()).toBeGreaterThan(0);
    await page.close();
  });

  it("on a page whose DOM prototypes are patched (zone.js), keeps rrweb's iframe out of the body and still records", async () => {
    const page = await browser.newPage();
    // rrweb takes prototypes from a fresh iframe when Angular's zone is present; where that iframe goes is what counts.
    await page.addInitScript(`window.Zone = function Zone() {};
      window.__iframesIn = [];
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) if (node.nodeName === 'IFRAME') window.__iframesIn.push(record.target.nodeName);
      }).observe(document, { childList: true, subtree: true });`);
    await page.goto(`${app.url}/checkout`);
    const session = await sessionIdOf(page);
    await recorderLoaded(page);
    await page.waitForFunction('window.__iframesIn.length > 0');
    await page.click('#broken');
    await page.waitForTimeout(300);
    await flush(page);
    expect(await page.evaluate('window.__iframesIn')).toEqual(expect.arrayContaining(['HEAD']));
    expect(await page.evaluate('window.__iframesIn')).not.toContain('BODY');
    // The count the click changed reached the replay as a mutation after the full snapshot.
    const recorded = (await replayChunks(snag, session)).flatMap(
      (chunk) => JSON.parse(chunk.data) as Array<{ type: number; data?: { source?: number } }>,
    );
    expect(recorded.some((event) => event.type === 2)).toBe(true);
    expect(recorded.some((event) => event.type === 3 && event.data?.source === 0)).toBe(true);
    await page.close();
  });

  it('stores page views for the load, SPA navigation, back navigation and reload, without query strings', () => {
    const pages = ofType('page').map((page) => [page.navigation, new URL(page.url).pathname]);
    expect(pages).toEqual([
      ['navigate', '/checkout'],
      ['spa', '/app/settings'],
      ['back_forward', '/checkout'],
      ['reload', '/checkout'],
    ]);
    expect(new Set(ofType('page').map((page) => page.page_id)).size).toBe(4);
    for (const event of events) expect(event.url).not.toContain('?');
  });

  it('stores clicks with stable selectors and masks text in masked regions', () => {
    const clicks = ofType('click').map((click) => click.element as { selector: string; [field: string]: string });
    const bySelector = new Map(clicks.map((element) => [element.selector, element]));
    expect(bySelector.get('#save')).toMatchObject({ tag: 'button', text: 'Save changes' });
    expect(bySelector.get('[data-testid="checkout"]')).toMatchObject({ test_id: 'checkout', text: 'Buy now' });
    expect(bySelector.get('button[aria-label="Close dialog"]')).toMatchObject({ aria_label: 'Close dialog' });
    expect(bySelector.get('#masked-btn')).toMatchObject({ text: '***** *******' });
    expect(bySelector.get('span.card:nth-of-type(2)')).toMatchObject({ tag: 'span', text: 'Two' });
    expect(clicks.filter((element) => element.selector === '#broken')).toHaveLength(2);
  });

  it('leaves a page whose own click handler throws working', () => {
    expect(brokenCount).toBe('2');
    expect(pageErrors.filter((message) => message.includes('host handler failed'))).toHaveLength(2);
    expect(pageErrors.every((message) => !/snag/i.test(message))).toBe(true);
  });

  it('stores JS errors and unhandled rejections', () => {
    const messages = ofType('error').map((error) => `${error.origin}: ${error.message}`);
    expect(messages).toContain('error: Error: boom from a timer');
    expect(messages).toContain('unhandledrejection: Error: rejected promise');
    expect(messages.filter((message) => message.includes('host handler failed'))).toHaveLength(2);
  });

  it('stores failed fetch and XHR requests without their query string', () => {
    const failed = ofType('network').map((event) => [event.initiator, event.method, event.request_url, event.status]);
    expect(failed).toEqual(
      expect.arrayContaining([
        ['fetch', 'GET', `${app.url}/api/status/404`, 404],
        ['fetch', 'GET', 'http://127.0.0.1:9/unreachable', 0],
        ['xhr', 'POST', `${app.url}/api/status/500`, 500],
      ]),
    );
    expect(failed).toHaveLength(3);
  });

  it('stores input lengths, never values, and nothing for ignored inputs', () => {
    const inputs = ofType('input').map((event) => [(event.element as { selector: string }).selector, event.length]);
    expect(inputs).toEqual(
      expect.arrayContaining([
        ['#name', SECRET.length],
        ['#password', SECRET.length],
      ]),
    );
    expect(inputs.some(([selector]) => selector === '#ignored')).toBe(false);
  });

  it('stores a scroll depth summary when the page view ends', () => {
    const [scroll] = ofType('scroll');
    expect(scroll?.max_depth).toBeGreaterThan(1200);
    expect(scroll?.page_height).toBeGreaterThan(3000);
  });

  it('never stores typed secrets, masked text, blocked content or query tokens', async () => {
    const everything = (await dumpTable(snag, 'events')) + (await dumpTable(snag, 'replay_chunks'));
    expect(everything.includes('Save changes')).toBe(true);
    for (const secret of [SECRET, QUERY_TOKEN, 'Alice Private', 'Blocked panel content']) {
      expect(everything.includes(secret), `"${secret}" was stored`).toBe(false);
    }
  });

  it('stores replay chunks that rrweb rebuilds into the page', async () => {
    expect(chunks.length).toBeGreaterThan(0);
    const firstPage = chunks.filter((chunk) => chunk.page_id === chunks[0]?.page_id);
    expect(firstPage[0]).toMatchObject({ seq: 0, full_snapshot: 1 });
    const recorded = firstPage.flatMap((chunk) => JSON.parse(chunk.data) as unknown[]);
    const rebuilt = await replay(recorded);
    expect(rebuilt.save).toBe('Save changes');
    expect(rebuilt.nameValue).toMatch(/^\*+$/);
    expect(rebuilt.blockedText).toBe('');
    expect(rebuilt.maskedText).not.toContain('Alice');
  });
});

/** Rebuilds the recording with rrweb's own Replayer in the browser and reads the rebuilt DOM. */
async function replay(recorded: unknown[]) {
  const sdkRequire = createRequire(join(import.meta.dirname, '../../../../packages/sdk/package.json'));
  const rrwebUmd = join(dirname(sdkRequire.resolve('rrweb')), 'rrweb.umd.cjs');
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: rrwebUmd });
    return (await page.evaluate(`(async (events) => {
      const replayer = new rrweb.Replayer(events, { root: document.body, mouseTail: false });
      replayer.pause(events[events.length - 1].timestamp - events[0].timestamp);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const doc = replayer.iframe.contentDocument;
      return {
        save: doc.querySelector('#save')?.textContent,
        nameValue: doc.querySelector('#name')?.value,
        blockedText: doc.querySelector('#blocked')?.textContent ?? '',
        maskedText: doc.querySelector('[data-snag-mask]')?.textContent ?? '',
      };
    })(${JSON.stringify(recorded)})`)) as { save: string; nameValue: string; blockedText: string; maskedText: string };
  } finally {
    await page.close();
  }
}
