import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, type RunningServer, startServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.js';
import { createDemoQuestion } from './demo-question.js';
import { type Shop, startShop } from './shop-server.js';
import { type SimulatedSession, simulate } from './simulate.js';

export interface Demo {
  snag: RunningServer;
  shop: Shop;
  sessions: SimulatedSession[];
  close(): Promise<void>;
}

/**
 * Snag on a fresh embedded store, the shop beside it, and `sessions` simulated
 * visitors driven through the shop in Chromium. The browser closes when the
 * visitors are done; Snag and the shop keep running until `close()`.
 */
export async function startDemo(options: {
  dataDir: string;
  port: number;
  shopPort: number;
  sessions: number;
  adminToken?: string;
  onSession?: (session: SimulatedSession) => void;
}): Promise<Demo> {
  const dataDir = resolve(options.dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  const snag = await startServer(
    loadConfig({
      PORT: String(options.port),
      HOST: '127.0.0.1',
      SNAG_DATA_DIR: dataDir,
      SNAG_LOG_LEVEL: 'warn',
      ...(options.adminToken ? { SNAG_ADMIN_TOKEN: options.adminToken } : {}),
    }),
  );
  let shop: Shop | undefined;
  let browser: Browser | undefined;
  try {
    await createDemoQuestion(snag.url, snag.credentials.adminToken);
    shop = await startShop({ snagUrl: snag.url, key: snag.credentials.defaultProjectKey, port: options.shopPort });
    browser = await launchBrowser();
    const sessions = await simulate({
      browser,
      shopUrl: shop.url,
      sessions: options.sessions,
      answers: true,
      onSession: options.onSession,
    });
    const running = shop;
    return {
      snag,
      shop: running,
      sessions,
      close: async () => {
        await running.close();
        await snag.close();
      },
    };
  } catch (error) {
    await shop?.close();
    await snag.close();
    throw error;
  } finally {
    await browser?.close();
  }
}
