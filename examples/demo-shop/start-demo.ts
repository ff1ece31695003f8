import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, type RunningServer, startServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.js';
import { type AlertCatchers, type Caught, startAlertCatchers } from './alert-catchers.js';
import { setUpAlerts } from './set-up-alerts.js';
import { type Shop, startShop } from './shop-server.js';
import { type SimulatedSession, simulate } from './simulate.js';

export interface Demo {
  snag: RunningServer;
  shop: Shop;
  sessions: SimulatedSession[];
  /** The demo's webhook receiver and SMTP catcher, with what they received. */
  catchers: AlertCatchers;
  /** Deliveries the demo's first evaluation of its alert rule and digest started. */
  expectedAlerts: number;
  close(): Promise<void>;
}

/**
 * Snag on a fresh embedded store, the shop beside it, `sessions` simulated visitors
 * driven through the shop in Chromium, and an alert rule and the weekly digest sent to
 * a local webhook receiver and SMTP catcher. The browser closes when the
 * visitors are done; Snag and the shop keep running until `close()`.
 */
export async function startDemo(options: {
  dataDir: string;
  port: number;
  shopPort: number;
  sessions: number;
  adminToken?: string;
  onSession?: (session: SimulatedSession) => void;
  onAlert?: (caught: Caught) => void;
}): Promise<Demo> {
  const dataDir = resolve(options.dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  const catchers = await startAlertCatchers((caught) => options.onAlert?.(caught));
  const snag = await startServer(
    loadConfig({
      PORT: String(options.port),
      HOST: '127.0.0.1',
      SNAG_DATA_DIR: dataDir,
      SNAG_LOG_LEVEL: 'warn',
      // The shop, the webhook receiver and the SMTP catcher all live on loopback, which Snag
      // refuses to fetch from or post to unless allowed (replay assets, webhooks).
      SNAG_OUTBOUND_ALLOW: '127.0.0.1',
      SNAG_SMTP_URL: catchers.smtpUrl,
      SNAG_SMTP_FROM: 'Snag demo <snag@northwind.example>',
      ...(options.adminToken ? { SNAG_ADMIN_TOKEN: options.adminToken } : {}),
    }),
  );
  let shop: Shop | undefined;
  let browser: Browser | undefined;
  try {
    shop = await startShop({ snagUrl: snag.url, key: snag.credentials.defaultProjectKey, port: options.shopPort });
    browser = await launchBrowser();
    const sessions = await simulate({
      browser,
      shopUrl: shop.url,
      sessions: options.sessions,
      onSession: options.onSession,
    });
    const expectedAlerts = await setUpAlerts(snag, catchers);
    const running = shop;
    return {
      snag,
      shop: running,
      sessions,
      catchers,
      expectedAlerts,
      close: async () => {
        await running.close();
        await snag.close();
        await catchers.close();
      },
    };
  } catch (error) {
    await shop?.close();
    await snag.close();
    await catchers.close();
    throw error;
  } finally {
    await browser?.close();
  }
}
