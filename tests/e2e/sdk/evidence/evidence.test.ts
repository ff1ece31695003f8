import { join } from 'node:path';
import type { RunningServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../../../helpers/app-server.js';
import { flush, sessionIdOf } from '../../../helpers/browser.js';
import { startScenario, stopScenario } from '../../../helpers/scenario.js';
import { type StoredEvent, storedEvents } from '../../../helpers/snag-server.js';

let snag: RunningServer & { dataDir: string };
let app: AppServer;
let browser: Browser;
let deadClicks: Map<string, Record<string, unknown>>;

beforeAll(async () => {
  ({ snag, app, browser } = await startScenario(join(import.meta.dirname, 'template.html'), () => snag.url));
  const page = await browser.newPage();
  await page.goto(`${app.url}/checkout`);
  const sessionId = await sessionIdOf(page);
  // One press each, each judged (after 2.5 s) before the next (a disabled control gets no `click`).
  for (const selector of ['#pay', '#soon', '#gift']) {
    const box = await page.locator(selector).boundingBox();
    if (!box) throw new Error(`${selector} is not visible`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(3_000);
  }
  await flush(page);
  await page.close();
  const events: StoredEvent[] = await storedEvents(snag.url, sessionId);
  deadClicks = new Map(
    events
      .filter((event) => event.type === 'signal' && event.kind === 'dead_click')
      .map((event) => [(event.element as { selector: string }).selector, event.details as Record<string, unknown>]),
  );
}, 60_000);

afterAll(() => stopScenario({ snag, app, browser }));

describe('dead-click evidence the SDK sends (built SDK, real Chromium, real server)', () => {
  it('says whether the control was disabled, natively or by aria-disabled', () => {
    expect(deadClicks.get('#pay')).toMatchObject({ disabled: true });
    expect(deadClicks.get('#soon')).toMatchObject({ disabled: true });
    expect(deadClicks.get('#gift')).toMatchObject({ disabled: false });
    expect(Number(deadClicks.get('#gift')?.waited_ms)).toBeGreaterThan(0);
  });
});
