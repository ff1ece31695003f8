import type { Browser } from 'playwright-core';
import type { PageKind } from './pages.js';
import { profileSdkSelfTime } from './sdk-self-time.js';

export interface RunResult {
  /** Main-thread task time (CDP TaskDuration) from navigation to the end of the script, ms. */
  taskMs: number;
  /** JavaScript execution (CDP ScriptDuration), ms. */
  scriptMs: number;
  longTasks: number;
  maxLongTaskMs: number;
  /** Longest script run of the SDK's own files in a long animation frame (LoAF attribution), ms. */
  maxSdkScriptMs: number;
  /** Script time of the SDK's own files in long animation frames, summed, ms. */
  sdkScriptInLongFramesMs: number;
  /** Main-thread time in the SDK's own functions (CPU profile), ms. */
  sdkSelfMs: number;
  /** JS heap in use at the end, after a garbage collection, bytes. */
  heapBytes: number;
  /** The three longest SDK script runs: time, file, invoker and forced layout time. */
  longestSdkScript: string;
}

/**
 * Long tasks, and the script runs inside long animation frames whose source is not the page
 * itself (the SDK's files: the Snag server's /sdk*, the peers' /assets/*). LoAF reports script
 * runs of 5 ms and more, with the time of any layout they forced.
 */
const OBSERVERS = `window.__longTasks = [];
window.__sdkScripts = [];
const pageUrl = location.href;
new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); })
  .observe({ type: 'longtask', buffered: true });
new PerformanceObserver((list) => {
  for (const frame of list.getEntries())
    for (const script of frame.scripts)
      if (script.sourceURL && script.sourceURL !== pageUrl)
        window.__sdkScripts.push({ ms: script.duration, what: script.sourceURL.split('/').pop() + ' ' + script.invokerType + ' ' + script.invoker + ' (layout ' + Math.round(script.forcedStyleAndLayoutDuration) + ' ms)' });
}).observe({ type: 'long-animation-frame', buffered: true });`;

/** Wait after the interaction so periodic work (recording, batching, churn) is counted too. */
const SETTLE_MS: Record<PageKind, number> = { app: 2_000, stress: 5_000 };
/** Clicks in the visit: fewer on the stress page, where each waits out the page's own slow frames. */
const CLICKS: Record<PageKind, number> = { app: 50, stress: 10 };
/** Time for the SDKs to load their lazy parts before the interaction. */
const WARMUP_MS = 1_000;

/**
 * One scripted visit in a fresh profile: load, scroll, 50 clicks (10 on the stress page), typing, an SPA
 * route change; main-thread time through the Chrome DevTools Protocol.
 */
export async function measure(browser: Browser, url: string, kind: PageKind): Promise<RunResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVERS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const sdkSelfTime = await profileSdkSelfTime(cdp);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(WARMUP_MS);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 400);
    for (let i = 0; i < CLICKS[kind]; i++) await page.click(`[data-testid="add-${i}"]`);
    await page.click('#search');
    await page.keyboard.type('wireless headphones 42');
    await page.click('#to-settings');
    await page.waitForTimeout(SETTLE_MS[kind]);
    const sdkSelfMs = await sdkSelfTime();
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: Array<{ name: string; value: number }>;
    };
    const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000;
    const longTasks = (await page.evaluate('window.__longTasks')) as number[];
    const sdkRuns = (await page.evaluate('window.__sdkScripts')) as Array<{ ms: number; what: string }>;
    const sdkScripts = sdkRuns.map((run) => run.ms);
    const longest = [...sdkRuns].sort((a, b) => b.ms - a.ms).slice(0, 3);
    return {
      taskMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
      longTasks: longTasks.length,
      maxLongTaskMs: Math.max(0, ...longTasks),
      maxSdkScriptMs: Math.max(0, ...sdkScripts),
      sdkScriptInLongFramesMs: sdkScripts.reduce((sum, ms) => sum + ms, 0),
      sdkSelfMs,
      heapBytes: metrics.find((entry) => entry.name === 'JSHeapUsedSize')?.value ?? 0,
      longestSdkScript: longest.map((run) => `${Math.round(run.ms)} ms ${run.what}`).join('; '),
    };
  } finally {
    await context.close();
  }
}
