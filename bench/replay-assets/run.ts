/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, startServer } from '@snag/server';
import { startShop } from '../../examples/demo-shop/shop-server.js';
import { simulate } from '../../examples/demo-shop/simulate.js';
import { launchBrowser } from '../../tests/helpers/browser.js';

/**
 * Replay assets on the demo shop (`pnpm bench:replay-assets`): Chromium visitors are recorded,
 * Snag keeps the stylesheets, fonts and images their pages used, and this prints how many
 * assets each session uses and what storing them costs with and without deduplication, then
 * the time from opening a replay in the dashboard to its first frame drawn with its styles
 * and fonts in place. Run from another checkout (e.g. before this feature) for a comparison:
 * the figures that need the feature then read 0.
 */
const { values } = parseArgs({
  options: { sessions: { type: 'string', default: '6' }, rounds: { type: 'string', default: '3' } },
});
const TOKEN = 'bench-admin-token-0123456789';
const KEY = 'pk_bench_assets_key';
const KEEP_WAIT_MS = 60_000;

function describe(timings: number[]): string {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(0);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms over ${sorted.length}`;
}

const dataDir = mkdtempSync(join(tmpdir(), 'snag-bench-assets-'));
const snag = await startServer(
  loadConfig({
    PORT: '0',
    SNAG_DATA_DIR: dataDir,
    SNAG_ADMIN_TOKEN: TOKEN,
    SNAG_DEFAULT_PROJECT_KEY: KEY,
    SNAG_LOG_LEVEL: 'warn',
    SNAG_OUTBOUND_ALLOW: '127.0.0.1',
  }),
);
const shop = await startShop({ snagUrl: snag.url, key: KEY });
const browser = await launchBrowser();
try {
  const sessions = (await simulate({ browser, shopUrl: shop.url, sessions: Number(values.sessions) }))
    .map((session) => session.sessionId)
    .filter((id): id is string => id !== null);
  const count = async (sql: string) => Number((await snag.store.query<{ n: number }>(sql))[0]?.n ?? 0);
  // Kept assets settle once the rows stop changing.
  let previous = -1;
  for (const deadline = Date.now() + KEEP_WAIT_MS; Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rows = await count('SELECT count() AS n FROM {db:Identifier}.replay_assets').catch(() => 0);
    if (rows === previous) break;
    previous = rows;
  }
  const perSession = await snag.store
    .query<{ session_id: string; assets: number; stored: number; bytes: number }>(
      `SELECT session_id, uniqExact(url) AS assets, countIf(status = 'stored') AS stored,
              sumIf(bytes, status = 'stored') AS bytes
       FROM (SELECT session_id, url, argMax(status, fetched_at) AS status, argMax(bytes, fetched_at) AS bytes
             FROM {db:Identifier}.replay_assets GROUP BY session_id, url)
       GROUP BY session_id`,
      {},
      { output_format_json_quote_64bit_integers: 0 },
    )
    .catch(() => []);
  const withoutDedup = perSession.reduce((sum, row) => sum + Number(row.bytes), 0);
  const withDedup = await count(
    'SELECT sum(bytes) AS n FROM (SELECT any(bytes) AS bytes FROM {db:Identifier}.asset_bodies GROUP BY project_id, sha256)',
  ).catch(() => 0);
  const bodies = await count('SELECT uniqExact(project_id, sha256) AS n FROM {db:Identifier}.asset_bodies').catch(
    () => 0,
  );
  const assets = perSession.map((row) => Number(row.assets));
  console.log(`sessions recorded: ${sessions.length}; with kept assets: ${perSession.length}`);
  console.log(`assets per session: ${assets.length ? `${Math.min(...assets)}–${Math.max(...assets)}` : 0}`);
  console.log(`bodies stored: ${bodies}; bytes without dedup ${withoutDedup} B, with dedup ${withDedup} B`);

  const apiTimings: number[] = [];
  for (let round = 0; round < Number(values.rounds) * 5; round += 1) {
    for (const session of sessions) {
      const started = performance.now();
      const res = await fetch(`${snag.url}/api/v1/projects/default/sessions/${session}/replay`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      await res.arrayBuffer();
      apiTimings.push(performance.now() - started);
    }
  }
  console.log(`replay document, whole: ${describe(apiTimings)}`);

  const context = await browser.newContext({ baseURL: snag.url, viewport: { width: 1600, height: 1100 } });
  await context.request.post('/api/v1/auth/login', { data: { token: TOKEN } });
  const page = await context.newPage();
  const timings: number[] = [];
  for (let round = 0; round < Number(values.rounds); round += 1) {
    for (const session of sessions) {
      const started = performance.now();
      await page.goto(`/p/default/sessions/${encodeURIComponent(session)}`);
      const iframe = await page.waitForSelector('[data-testid="player"] iframe');
      const frame = await iframe.contentFrame();
      await frame?.waitForFunction(
        () =>
          (document.body?.childElementCount ?? 0) > 0 &&
          document.fonts.status === 'loaded' &&
          Array.from(document.querySelectorAll('link[rel~="stylesheet"]')).every(
            (link) => (link as HTMLLinkElement).sheet,
          ),
      );
      timings.push(performance.now() - started);
    }
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]?.toFixed(0);
  console.log(
    `time to first replay frame (styled, fonts loaded): median ${at(0.5)} ms, p95 ${at(0.95)} ms over ${timings.length}`,
  );
  await context.close();
} finally {
  await browser.close();
  await shop.close();
  await snag.close();
  rmSync(dataDir, { recursive: true, force: true });
}
