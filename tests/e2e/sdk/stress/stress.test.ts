import { join } from 'node:path';
import type { RunningServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from '../helpers/app-server.js';
import { flush, launchBrowser, recorderLoaded, sessionIdOf } from '../helpers/browser.js';
import { removeDataDir, replayChunks, startSnag, storedEvents } from '../helpers/snag-server.js';

let snag: RunningServer & { dataDir: string };
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  snag = await startSnag();
  app = await startAppServer(join(import.meta.dirname, 'template.html'), () => snag.url);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await snag?.close();
  if (snag) removeDataDir(snag.dataDir);
});

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
