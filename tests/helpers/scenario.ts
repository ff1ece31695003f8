import type { RunningServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { type AppServer, startAppServer } from './app-server.js';
import { launchBrowser } from './browser.js';
import { removeDataDir, startSnag } from './snag-server.js';

export interface Scenario {
  snag: RunningServer & { dataDir: string };
  app: AppServer;
  browser: Browser;
}

/**
 * What every browser scenario runs on: a real Snag server in a fresh data folder,
 * the scenario's page served from its own origin, and Chromium. `snagUrl` is read
 * per request, so a test that restarts Snag keeps the page pointing at it.
 */
export async function startScenario(template: string, snagUrl: () => string): Promise<Scenario> {
  const snag = await startSnag();
  const app = await startAppServer(template, snagUrl);
  const browser = await launchBrowser();
  return { snag, app, browser };
}

/** Stops whatever of a scenario started, and removes Snag's data folder. */
export async function stopScenario(scenario: Partial<Scenario>): Promise<void> {
  await scenario.browser?.close();
  await scenario.app?.close();
  await scenario.snag?.close();
  if (scenario.snag) removeDataDir(scenario.snag.dataDir);
}
