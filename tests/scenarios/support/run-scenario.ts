import type { SignalKind } from '@snag/protocol';
import type { Browser } from 'playwright-core';
import { playToScript } from '../../helpers/paced-presses.js';
import type { CatalogEntry } from './catalog.js';
import type { DetectionTool } from './detection-tool.js';
import { pause } from './scenario.js';

export interface ScenarioRun {
  /** The distinct kinds the tool reported, sorted. */
  found: SignalKind[];
  /** Why earlier plays were voided and played again (none when the first play kept to its script). */
  replayed: string[];
}

/**
 * One scenario with one tool, in a fresh browser context (its own storage, so its
 * own session): load the page, play the behaviour, wait for the tool's verdicts,
 * and return the distinct kinds it reported. A play that went off script is
 * played again.
 */
export async function runScenario(
  browser: Browser,
  origin: string,
  entry: CatalogEntry,
  tool: DetectionTool,
): Promise<ScenarioRun> {
  const { result, replayed } = await playToScript(entry.scenario.name, () => playOnce(browser, origin, entry, tool));
  return { found: result, replayed };
}

async function playOnce(
  browser: Browser,
  origin: string,
  { scenario }: CatalogEntry,
  tool: DetectionTool,
): Promise<SignalKind[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    if (scenario.fakeClock) await page.clock.install();
    const url = (path = '') => `${origin}/${scenario.name}/${path}`;
    await page.goto(url());
    await tool.ready(page);
    await scenario.run(page, { url });
    await pause(page, tool.settleMs + (scenario.settleMs ?? 0));
    return [...new Set(await tool.collect(page))].sort();
  } finally {
    await context.close();
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
export async function mapPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
