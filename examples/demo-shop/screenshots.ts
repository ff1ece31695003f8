import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.js';
import { startDemo } from './start-demo.js';

const USAGE = `Usage: pnpm screenshots [--sessions N] [--out DIR] [--url URL --token TOKEN]

Runs the demo (or uses the Snag at --url), signs in, and saves a PNG of each main
dashboard screen at 1280 × 800 into docs/screenshots/.`;

const VIEWPORT = { width: 1280, height: 800 };
/** Lets charts and rebuilt pages settle after the network is idle (a capture, not a test). */
const SETTLE_MS = 800;

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '9' },
    out: { type: 'string', default: 'docs/screenshots' },
    url: { type: 'string' },
    token: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

async function shoot(page: Page, out: string, name: string, path: string, ready?: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  if (ready) await page.waitForSelector(ready);
  await page.waitForTimeout(SETTLE_MS);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`  ${name}.png  ${path}`);
}

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'snag-screenshots-'));
const demo = values.url
  ? undefined
  : await startDemo({ dataDir, port: 0, shopPort: 0, sessions: Number(values.sessions) });
const baseUrl = values.url ?? demo?.snag.url ?? '';
const token = values.token ?? demo?.snag.credentials.adminToken ?? '';
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseUrl });
  const page = await context.newPage();
  await shoot(page, out, 'sign-in', '/sign-in?with=token', 'form');
  await page.fill('#admin-token', token);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/p\//);

  await shoot(page, out, 'friction-report', '/p/default', '.hotspot-table, .state-empty');
  const hotspot = await page.getAttribute('.hotspot-table a.row-link', 'href').catch(() => null);
  if (hotspot) await shoot(page, out, 'hotspot', hotspot, '[data-testid="page-snapshot"][data-ready="true"], .state');
  await shoot(page, out, 'sessions', '/p/default/sessions', '.session-table');
  const session = await page.getAttribute('.session-table a.row-link', 'href');
  if (session) {
    await page.goto(session);
    await page.waitForSelector('[data-testid="player"] iframe');
    const marker = await page.getAttribute('.timeline-marker.marker-signal', 'data-offset').catch(() => null);
    const at = marker ? Math.max(0, Number(marker) - 1_000) : 4_000;
    await shoot(page, out, 'replay', `${session}?t=${at}`, '[data-testid="player"] iframe');
  }
  await shoot(
    page,
    out,
    'heatmap',
    '/p/default/heatmap?path=%2Fcheckout',
    '[data-testid="page-snapshot"][data-ready="true"], .blank-page',
  );
  await shoot(page, out, 'trends', '/p/default/trends?from=-24h', '.time-chart, .state');
  await shoot(page, out, 'releases', '/p/default/releases', '.stats, .state');
  await shoot(page, out, 'alerts', '/p/default/alerts', '.digest-preview, .state');
  await shoot(page, out, 'install', '/p/default/install', '.install-check');
} finally {
  await browser.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
}
