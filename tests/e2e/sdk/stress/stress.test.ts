import { join } from 'node:path';
import type { RunningServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../../../helpers/app-server.js';
import { flush, recorderLoaded, sessionIdOf } from '../../../helpers/browser.js';
import { startScenario, stopScenario } from '../../../helpers/scenario.js';
import { replayChunks, storedEvents } from '../../../helpers/snag-server.js';

let snag: RunningServer & { dataDir: string };
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  ({ snag, app, browser } = await startScenario(join(import.meta.dirname, 'template.html'), () => snag.url));
});

afterAll(() => stopScenario({ snag, app, browser }));

describe('recording a page that mutates past the budget', () => {
  it('pauses recording, says so, and leaves the page running', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/table`);
    const sessionId = await sessionIdOf(page);
    await recorderLoaded(page);
    await page.evaluate('window.startChurn()');
    await page.waitForFunction('Number(document.getElementById("ticks").textContent) >= 40', undefined, {
      timeout: 20_000,
    });
    await flush(page);
    const ticksAfterPause = Number(await page.textContent('#ticks'));

    const events = await storedEvents(snag.url, sessionId);
    const paused = events.find((event) => event.type === 'custom' && event.name === '$replay_paused');
    expect(paused).toMatchObject({ props: { reason: 'mutation_budget' } });
    const chunks = await replayChunks(snag, sessionId);
    expect(chunks[0]?.full_snapshot).toBe(1);
    expect(chunks.some((chunk) => chunk.data.includes('snag-paused'))).toBe(true);

    await page.waitForTimeout(300);
    expect(Number(await page.textContent('#ticks'))).toBeGreaterThan(ticksAfterPause);
    await page.close();
  });
});
