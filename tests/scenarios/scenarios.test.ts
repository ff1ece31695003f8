import type { RunningServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { removeDataDir, startSnag } from '../helpers/snag-server.js';
import { loadScenarios } from './support/catalog.js';
import { mapPool, runScenario } from './support/run-scenario.js';
import { type ScenarioServer, startScenarioServer } from './support/scenario-server.js';
import { snagTool } from './support/snag-tool.js';

/** Scenarios played at once, each in its own browser context; detection runs on real timers, so few: beside the
 * other test worker on 2 cores, four at once made timing-judged kinds (rage gaps, a journey's dead end) flaky. */
const CONCURRENCY = 2;

const entries = await loadScenarios();
let snag: RunningServer & { dataDir: string };
let site: ScenarioServer;
let browser: Browser;
const found = new Map<string, string[]>();

beforeAll(async () => {
  snag = await startSnag();
  const tool = snagTool(() => snag.url);
  site = await startScenarioServer(entries, { head: tool.head });
  browser = await launchBrowser();
  const runs = await mapPool(entries, CONCURRENCY, (entry) => runScenario(browser, site.origin, entry, tool));
  for (const [i, entry] of entries.entries()) {
    const run = runs[i];
    found.set(entry.scenario.name, run?.found ?? []);
    for (const reason of run?.replayed ?? []) console.log(`${entry.scenario.name} played again: ${reason}`);
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await snag?.close();
  if (snag) removeDataDir(snag.dataDir);
});

describe('labelled struggle scenarios (real Chromium, SDK by script tag, signals read back from the server)', () => {
  for (const { scenario } of entries) {
    const expected = [...scenario.expected].sort();
    it(`${scenario.name}: ${scenario.behaviour} → ${expected.join(' + ') || 'nothing'}`, () => {
      // Exactly the expected kinds: each one must appear, every other kind must not.
      expect(found.get(scenario.name)).toEqual(expected);
    });
  }
});
