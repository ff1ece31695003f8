import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswersResponse, HotspotsResponse } from '@snag/protocol';
import type { RunningServer } from '@snag/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from '../../../helpers/app-server.js';
import { collectPageErrors, flush, recorderLoaded, sessionIdOf } from '../../../helpers/browser.js';
import { startScenario, stopScenario } from '../../../helpers/scenario.js';
import { ADMIN_TOKEN, replayChunks, storedEvents } from '../../../helpers/snag-server.js';

/**
 * Issue 14 part 3 and issue 15's feedback tab, in real Chromium against the real server and the
 * built SDK: the page's code never changes, only the project's settings through the API.
 * - a mask selector set in the dashboard keeps that text out of every stored replay chunk;
 * - the project's replay mode reaches the recorder (`on-struggle`), and `off` keeps the recorder
 *   chunk from loading at all;
 * - the feedback tab opens by keyboard and stores the answer, on the hotspot of the struggle before it;
 * - an unreachable or broken `/v1/config.js` leaves the page working, recorded with the code's settings.
 */

const SECRET = 'Zebulon Quartermaine';
let snag: RunningServer & { dataDir: string };
let app: AppServer;
let browser: Browser;

const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const response = await fetch(`${snag.url}/api/v1/projects/default${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};
const saveSettings = (body: object) => api('/settings/recording', { method: 'PUT', body: JSON.stringify(body) });

interface Visit {
  context: BrowserContext;
  page: Page;
  sessionId: string;
  errors: string[];
  requests: string[];
}

/** A fresh visitor (own storage and HTTP cache); `prepare` runs before the page loads. */
async function visit(prepare?: (page: Page) => Promise<unknown>, site: AppServer = app): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  // What the core hands the recorder chunk, seen by wrapping the chunk's start function.
  await page.addInitScript(`(() => {
    let start;
    Object.defineProperty(window, '__snagRecorder', {
      configurable: true,
      get: () => start && ((config) => { window.__recorderGot = { replay: config.replay, remote: config.remote }; return start(config); }),
      set: (fn) => { start = fn; },
    });
  })()`);
  await prepare?.(page);
  await page.goto(`${site.url}/account`);
  const sessionId = await sessionIdOf(page);
  return { context, page, sessionId, errors, requests };
}

/** The session's replay as stored, once its first full snapshot is in. */
async function storedReplay(visitor: Visit): Promise<string> {
  await recorderLoaded(visitor.page);
  await expect
    .poll(async () => {
      await flush(visitor.page);
      return (await replayChunks(snag, visitor.sessionId)).some((chunk) => chunk.full_snapshot === 1);
    })
    .toBe(true);
  return (await replayChunks(snag, visitor.sessionId)).map((chunk) => chunk.data).join('\n');
}

beforeAll(async () => {
  ({ snag, app, browser } = await startScenario(join(import.meta.dirname, 'template.html'), () => snag.url));
}, 120_000);

afterAll(() => stopScenario({ snag, app, browser }));

describe('recording settings from the dashboard (built SDK, real server)', () => {
  it('records with the code’s settings when /v1/config.js is unreachable or broken, and the page works', async () => {
    const broken = [
      (page: Page) => page.route('**/v1/config.js*', (route) => route.abort('connectionrefused')),
      (page: Page) =>
        page.route('**/v1/config.js*', (route) =>
          route.fulfill({ status: 200, contentType: 'text/javascript', body: 'export const config = ;' }),
        ),
      (page: Page) =>
        page.route('**/v1/config.js*', (route) =>
          route.fulfill({ status: 200, contentType: 'text/javascript', body: 'export default 42;' }),
        ),
    ];
    for (const prepare of broken) {
      const visitor = await visit(prepare);
      await visitor.page.click('#save');
      expect(await visitor.page.textContent('#count')).toBe('1');
      expect(await storedReplay(visitor)).toContain(SECRET);
      expect(await visitor.page.evaluate('window.__recorderGot')).toEqual({ replay: true });
      expect((await storedEvents(snag.url, visitor.sessionId)).some((event) => event.type === 'click')).toBe(true);
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    }
  });

  it('keeps the text of a mask selector added in the dashboard out of the stored replay, without a redeploy', async () => {
    const before = await visit();
    const recorded = await storedReplay(before);
    expect(recorded).toContain(SECRET);
    expect(recorded).toContain('Order history and addresses');
    await before.context.close();

    await saveSettings({ mask_selectors: ['.account-name'] });
    const after = await visit();
    const masked = await storedReplay(after);
    expect(masked).toContain('Order history and addresses');
    expect(masked).not.toContain(SECRET);
    expect(after.errors).toEqual([]);
    await after.context.close();
  });

  it('hands the project’s replay mode to the recorder: on-struggle reaches it, off keeps its chunk from loading', async () => {
    await saveSettings({ replay: 'on-struggle' });
    const struggle = await visit();
    await recorderLoaded(struggle.page);
    await struggle.page.waitForFunction('window.__recorderGot');
    expect(await struggle.page.evaluate('window.__recorderGot')).toMatchObject({
      replay: true,
      remote: { replay: 'on-struggle', mask_selectors: ['.account-name'] },
    });
    // The recorder buffers (issue 14 part 2): nothing is sent until a trigger keeps the replay.
    await struggle.page.click('#save');
    await struggle.page.waitForTimeout(1_000);
    await flush(struggle.page);
    expect(await replayChunks(snag, struggle.sessionId)).toEqual([]);
    await struggle.page.evaluate('window.snag.keepReplay()');
    expect(await storedReplay(struggle)).not.toContain(SECRET);
    await struggle.context.close();

    await saveSettings({ replay: 'off' });
    const off = await visit();
    // Past the moment the recorder starts (the page's load, then idle or 2 s at most).
    await off.page.waitForFunction('document.readyState === "complete" && performance.now() > 4000');
    await off.page.click('#save');
    await flush(off.page);
    expect((await storedEvents(snag.url, off.sessionId)).some((event) => event.type === 'click')).toBe(true);
    expect(off.requests.filter((url) => url.includes('snag-recorder'))).toEqual([]);
    expect(await replayChunks(snag, off.sessionId)).toEqual([]);
    expect(off.errors).toEqual([]);
    await off.context.close();
    await saveSettings({ replay: 'always' });
  });
});

describe('the feedback tab (issue 15)', () => {
  const TAB_HOST = 'snag-feedback';

  /** Tabs through the page until the keyboard is on the feedback tab. */
  async function tabToFeedback(page: Page): Promise<void> {
    for (let press = 0; press < 10; press++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(`document.activeElement?.localName === '${TAB_HOST}'`)) return;
    }
    throw new Error('the feedback tab was not reached with the keyboard');
  }

  it('opens by keyboard, stores a free-text answer tied to the struggle before it, and gives the focus back', async () => {
    await saveSettings({ feedback: { enabled: true, label: 'Feedback', question: 'What were you trying to do?' } });
    const visitor = await visit();
    const { page } = visitor;
    await page.locator(TAB_HOST).waitFor({ state: 'attached' });
    for (let click = 0; click < 4; click++) await page.click('#badge', { delay: 20 });
    // The rage click is reported once its burst is over; the feedback comes after it.
    await expect
      .poll(async () => {
        await flush(page);
        return (await storedEvents(snag.url, visitor.sessionId)).some((event) => event.kind === 'rage_click');
      })
      .toBe(true);

    await tabToFeedback(page);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'What were you trying to do?' });
    await dialog.waitFor();
    await page.keyboard.type('Find how returns work');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Thank you!').waitFor();
    await page.locator('snag-question').waitFor({ state: 'detached' });
    expect(await page.evaluate(`document.activeElement?.localName`)).toBe(TAB_HOST);

    // Opened again and dismissed with Esc: the keyboard is back on the tab.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await page.locator('snag-question').waitFor({ state: 'detached' });
    expect(await page.evaluate(`document.activeElement?.localName`)).toBe(TAB_HOST);
    await flush(page);

    const { answers } = await api<AnswersResponse>('/questions/q_feedback/answers');
    const mine = answers.filter((answer) => answer.session_id === visitor.sessionId);
    expect(mine.map((answer) => answer.outcome).sort()).toEqual(['answered', 'dismissed', 'shown', 'shown']);
    const answered = mine.find((answer) => answer.outcome === 'answered');
    expect(answered).toMatchObject({
      text: 'Find how returns work',
      signal_kind: 'rage_click',
      element: '[data-testid="badge"]',
      path: '/account',
    });
    const hotspots = await api<HotspotsResponse>('/hotspots?kind=rage_click&path=/account');
    const badge = hotspots.hotspots.find((hotspot) => hotspot.element?.key === '[data-testid="badge"]');
    expect(badge?.answers?.quotes.map((quote) => quote.text)).toContain('Find how returns work');
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('is not shown when the code says questions: false, nor once the person opts out', async () => {
    await saveSettings({ feedback: { enabled: true } });
    // The same page with `data-questions="false"` on its script tag.
    const template = readFileSync(join(import.meta.dirname, 'template.html'), 'utf8');
    const quietTemplate = join(mkdtempSync(join(tmpdir(), 'snag-quiet-')), 'template.html');
    writeFileSync(quietTemplate, template.replace('data-key=', 'data-questions="false" data-key='));
    const quietApp = await startAppServer(quietTemplate, () => snag.url);
    const quiet = await visit(undefined, quietApp);
    // The project's module is in (its chunk registered) and the recorder started: the tab would be up by now.
    await quiet.page.waitForFunction('typeof window.__snagStart === "function"');
    await recorderLoaded(quiet.page);
    expect(await quiet.page.locator(TAB_HOST).count()).toBe(0);
    await quiet.context.close();
    await quietApp.close();

    const leaving = await visit();
    await leaving.page.locator(TAB_HOST).waitFor({ state: 'attached' });
    await leaving.page.evaluate('window.snag.optOut()');
    await leaving.page.locator(TAB_HOST).waitFor({ state: 'detached' });
    await leaving.context.close();
  });
});
