// Detection benchmark: the labelled scenarios of tests/scenarios played with Snag, with
// posthog-js and with Sentry Replay in its place; prints precision and recall per signal
// kind per tool. Then the wild suite (bench/wild: pages built from real component libraries,
// used the ordinary way): false signals per 1,000 ordinary interactions per library and tool.
// Then the struggle cases on the same wild pages (precision / recall per kind).
// Usage: pnpm bench:detection [tool name prefix…] [--no-scenarios] [--no-wild | --no-ordinary | --no-struggles] (e.g. `snag sentry`);
// SNAG_SCENARIOS=a,b and SNAG_WILD=mui,antd narrow the suites.
import type { RunningServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.js';
import { removeDataDir, startSnag } from '../../tests/helpers/snag-server.js';
import { type CatalogEntry, loadScenarios } from '../../tests/scenarios/support/catalog.js';
import type { DetectionTool } from '../../tests/scenarios/support/detection-tool.js';
import { mapPool, runScenario } from '../../tests/scenarios/support/run-scenario.js';
import { startScenarioServer } from '../../tests/scenarios/support/scenario-server.js';
import { snagTool } from '../../tests/scenarios/support/snag-tool.js';
import { buildPeerAssets } from '../sdk/peers.js';
import { printKindTable } from './kind-table.js';
import { posthogTool, sentryTool } from './peer-tools.js';
import { type KindScore, type Outcome, scoreKinds } from './score.js';
import { runWildStruggles } from './wild-struggle.js';
import { buildWild, runWildSuite } from './wild-suite.js';
import { wildTools } from './wild-tools.js';

const CONCURRENCY = 4;

async function playAll(browser: Browser, entries: CatalogEntry[], tool: DetectionTool, assets: Map<string, Buffer>) {
  const site = await startScenarioServer(entries, { head: tool.head, assets });
  try {
    return await mapPool(
      entries,
      CONCURRENCY,
      async ({ scenario, template }): Promise<Outcome & { replayed: string[] }> => ({
        scenario: scenario.name,
        expected: [...scenario.expected].sort(),
        ...(await runScenario(browser, site.origin, { scenario, template }, tool)),
      }),
    );
  } finally {
    await site.close();
  }
}

async function runScenarios(
  browser: Browser,
  entries: CatalogEntry[],
  tools: DetectionTool[],
  assets: Map<string, Buffer>,
) {
  const results: Array<{ tool: string; scores: KindScore[] }> = [];
  for (const tool of tools) {
    const started = Date.now();
    const outcomes = await playAll(browser, entries, tool, assets);
    console.log(`\n${tool.name}: ${entries.length} scenarios in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    for (const { scenario, expected, found, replayed } of outcomes) {
      const ok = expected.join() === found.join();
      console.log(
        `  ${ok ? 'ok  ' : 'MISS'} ${scenario.padEnd(32)} expected ${expected.join('+') || '-'}; found ${found.join('+') || '-'}`,
      );
      for (const reason of replayed) console.log(`       played again: ${reason}`);
    }
    results.push({ tool: tool.name, scores: scoreKinds(outcomes) });
  }
  console.log(
    `\nPrecision (P) and recall (R) per signal kind over ${entries.length} labelled scenarios (— : no report / no positive case)\n`,
  );
  printKindTable(results);
}

async function main(): Promise<void> {
  const entries = await loadScenarios();
  const peers = await buildPeerAssets();
  let snag: (RunningServer & { dataDir: string }) | undefined;
  const browser = await launchBrowser();
  try {
    snag = await startSnag({ logLevel: 'warn' });
    const snagUrl = snag.url;
    const args = process.argv.slice(2);
    const only = args.filter((arg) => !arg.startsWith('--')).map((name) => name.toLowerCase());
    const chosen = (name: string) => only.length === 0 || only.some((prefix) => name.toLowerCase().startsWith(prefix));
    const tools = [snagTool(() => snagUrl), posthogTool, sentryTool].filter((tool) => chosen(tool.name));
    if (!args.includes('--no-scenarios')) await runScenarios(browser, entries, tools, peers.files);
    if (!args.includes('--no-wild')) {
      const wild = wildTools(() => snagUrl).filter(({ tool }) => chosen(tool.name));
      await buildWild();
      if (!args.includes('--no-ordinary')) await runWildSuite(browser, wild, peers.files);
      if (!args.includes('--no-struggles')) await runWildStruggles(browser, wild, peers.files);
    }
  } finally {
    await browser.close();
    await snag?.close();
    if (snag) removeDataDir(snag.dataDir);
  }
}

await main();
