import type { Browser } from 'playwright-core';
import type { PageKind } from './pages.js';

export interface RunResult {
  /** Main-thread task time (CDP TaskDuration) from navigation to the end of the script, ms. */
  taskMs: number;
  /** JavaScript execution (CDP ScriptDuration), ms. */
  scriptMs: number;
  longTasks: number;
  maxLongTaskMs: number;
}

/** Wait after the interaction so periodic work (recording, batching, churn) is counted too. */
const SETTLE_MS: Record<PageKind, number> = { app: 2_000, stress: 5_000 };
/** Time for the SDKs to load their lazy parts before the interaction. */
const WARMUP_MS = 1_000;

/**
 * One scripted visit in a fresh profile: load, scroll, 50 clicks, typing, an SPA
 * route change; main-thread time through the Chrome DevTools Protocol.
 */
export async function measure(browser: Browser, url: string, kind: PageKind): Promise<RunResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(`window.__longTasks = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); })
  .observe({ type: 'longtask', buffered: true });`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(WARMUP_MS);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 400);
    for (let i = 0; i < 50; i++) await page.click(`[data-testid="add-${i}"]`);
    await page.click('#search');
    await page.keyboard.type('wireless headphones 42');
    await page.click('#to-settings');
    await page.waitForTimeout(SETTLE_MS[kind]);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: Array<{ name: string; value: number }>;
    };
    const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000;
    const longTasks = (await page.evaluate('window.__longTasks')) as number[];
    return {
      taskMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
      longTasks: longTasks.length,
      maxLongTaskMs: Math.max(0, ...longTasks),
    };
  } finally {
    await context.close();
  }
}
