import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../../../helpers/app-server.js';
import { flush, recorderLoaded, sessionIdOf } from '../../../helpers/browser.js';
import { startScenario, stopScenario } from '../../../helpers/scenario.js';
import { ADMIN_TOKEN, replayChunks, storedEvents } from '../../../helpers/snag-server.js';

let snag: RunningServer & { dataDir: string };
let app: AppServer;
let browser: Browser;
let pausedSession: string;

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
    // Over the per-second budget, or (when two ticks land in one frame) over the per-frame one.
    expect(['mutation_budget', 'mutation_storm']).toContain((paused?.props as { reason?: string } | undefined)?.reason);
    const chunks = await replayChunks(snag, sessionId);
    expect(chunks[0]?.full_snapshot).toBe(1);
    expect(chunks.some((chunk) => chunk.data.includes('snag-paused'))).toBe(true);

    await page.waitForTimeout(300);
    expect(Number(await page.textContent('#ticks'))).toBeGreaterThan(ticksAfterPause);
    await page.close();
    pausedSession = sessionId;
  });

  it('shows the gap in the dashboard player as a "Not recorded" band', async () => {
    const context = await browser.newContext({ baseURL: snag.url, viewport: { width: 1280, height: 800 } });
    try {
      expect((await context.request.post('/api/v1/auth/login', { data: { token: ADMIN_TOKEN } })).ok()).toBe(true);
      const dashboard = await context.newPage();
      await dashboard.goto(`/p/default/sessions/${pausedSession}`);
      await dashboard.waitForSelector('[data-testid="player"] iframe');
      const gap = dashboard.locator('.timeline-marker.marker-gap');
      await expect(gap.count()).resolves.toBe(1);
      await expect(gap.getAttribute('title')).resolves.toMatch(/Not recorded: the page (changed|kept changing)/);
      await expect(dashboard.locator('[data-kind="gap"]').count()).resolves.toBe(2);
      await dashboard.screenshot({ path: join(tmpdir(), 'snag-replay-gap.png') });
    } finally {
      await context.close();
    }
  });
});
