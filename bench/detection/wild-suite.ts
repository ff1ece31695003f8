import type { Browser } from 'playwright-core';
import { buildWildPages } from '../wild/build.js';
import { loadWildPages } from '../wild/catalog.js';
import { printWildOutcomes, printWildTable } from './wild-report.js';
import { playWild, type WildOutcome, type WildTool } from './wild-run.js';

/** Wild pages played at once: each is a React app with a person's pacing, so 3 fit 2 shared cores. */
const WILD_CONCURRENCY = 3;

/** Builds every wild page (the struggle cases use them too). */
export async function buildWild(): Promise<void> {
  const built = Date.now();
  const names = await buildWildPages();
  console.log(`\nwild pages built in ${Date.now() - built} ms: ${names.join(', ')}`);
}

/** Plays each wild page's ordinary use with every tool, and prints the false signals and their rate table. */
export async function runWildSuite(browser: Browser, tools: WildTool[], assets: Map<string, Buffer>): Promise<void> {
  const pages = await loadWildPages();
  const results: Array<{ tool: string; outcomes: WildOutcome[] }> = [];
  for (const wildTool of tools) {
    const started = Date.now();
    const outcomes = await playWild(browser, pages, wildTool, assets, WILD_CONCURRENCY);
    console.log(`\n${wildTool.tool.name}: wild suite in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    printWildOutcomes(wildTool.tool.name, outcomes);
    results.push({ tool: wildTool.tool.name, outcomes });
  }
  console.log('\nFalse signals per 1,000 ordinary interactions on the wild suite (count in brackets)\n');
  printWildTable(results);
  console.log('');
}
