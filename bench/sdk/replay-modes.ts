import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunningServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { startShop } from '../../examples/demo-shop/shop-server.js';
import { launchBrowser } from '../../tests/helpers/browser.js';
import { ADMIN_TOKEN, PROJECT_KEY, removeDataDir, startSnag } from '../../tests/helpers/snag-server.js';
import { BENCH_PERSONAS, runVisits, stressBufferPeak, type Visit } from './replay-visits.js';

const USAGE = `Usage: node --import tsx bench/sdk/replay-modes.ts [--warm-up-ms 65000] [--stress-ms 70000] [--screenshots DIR]

Issue 14 part 2 figures, on the demo shop with the built SDK and a real Snag server:
replay bytes sent per session with replay 'always' and 'on-struggle' (the demo personas plus an
ordinary visit without struggle); the pre-roll of every triggered session after a minute of
ordinary use (start of the kept replay → trigger; goal ≥ replayBufferMs, 60 s); the on-struggle
buffer's memory peak on the stress page. --screenshots also saves the sessions list and an
on-struggle replay as PNGs.`;

const { values } = parseArgs({
  options: {
    'warm-up-ms': { type: 'string', default: '65000' },
    'stress-ms': { type: 'string', default: '70000' },
    screenshots: { type: 'string' },
    parts: { type: 'string', default: 'bytes,preroll,stress' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

interface Kept {
  trigger: string;
  trigger_t: number;
  preroll_start_t: number;
  buffer_ms: number;
  trimmed: boolean;
  buffer_peak_bytes: number;
}

async function replayBytes(snag: RunningServer, sessionId: string) {
  const [row] = (await snag.store.query(
    `SELECT count() AS chunks, sum(length(data)) AS bytes, min(first_timestamp) AS first
     FROM {db:Identifier}.replay_chunks FINAL WHERE session_id = {session:String}`,
    { session: sessionId },
  )) as Array<{ chunks: number; bytes: number; first: number }>;
  return { chunks: Number(row?.chunks ?? 0), bytes: Number(row?.bytes ?? 0), first: Number(row?.first ?? 0) };
}

async function keptNotice(snag: RunningServer, sessionId: string): Promise<Kept | undefined> {
  const rows = (await snag.store.query(
    `SELECT data FROM {db:Identifier}.events
     WHERE session_id = {session:String} AND type = 'custom' AND name = '$snag_replay_kept' ORDER BY client_time LIMIT 1`,
    { session: sessionId },
  )) as Array<{ data: string }>;
  return rows[0] ? (JSON.parse(rows[0].data) as { props: Kept }).props : undefined;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function bytesTable(snag: RunningServer, always: Visit[], onStruggle: Visit[]) {
  console.log('\n| persona | always: KB sent (chunks) | on-struggle: KB sent (chunks) | trigger |');
  console.log('| --- | --- | --- | --- |');
  const totals = { always: 0, onStruggle: 0 };
  for (const persona of Object.keys(BENCH_PERSONAS)) {
    const a = always.find((visit) => visit.persona === persona);
    const o = onStruggle.find((visit) => visit.persona === persona);
    if (!a || !o) continue;
    const [sa, so, notice] = await Promise.all([
      replayBytes(snag, a.sessionId),
      replayBytes(snag, o.sessionId),
      keptNotice(snag, o.sessionId),
    ]);
    totals.always += sa.bytes;
    totals.onStruggle += so.bytes;
    console.log(
      `| ${persona} | ${kb(sa.bytes)} (${sa.chunks}) | ${kb(so.bytes)} (${so.chunks}) | ${notice?.trigger ?? 'none'} |`,
    );
  }
  console.log(`| **all ${always.length}** | ${kb(totals.always)} | ${kb(totals.onStruggle)} | |`);
}

async function prerollTable(snag: RunningServer, visits: Visit[]) {
  console.log(
    '\n| persona (after the warm-up) | trigger | pre-roll s (kept replay start → trigger) | ≥ asked | trimmed | buffer peak KB |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const visit of visits) {
    const [notice, replay] = await Promise.all([keptNotice(snag, visit.sessionId), replayBytes(snag, visit.sessionId)]);
    if (!notice) {
      console.log(`| ${visit.persona} | none | — | — | — | — |`);
      continue;
    }
    // Measured on what the server stored: its first replay event, not what the notice says.
    const preroll = notice.trigger_t - replay.first;
    console.log(
      `| ${visit.persona} | ${notice.trigger} | ${(preroll / 1000).toFixed(1)} | ${preroll >= notice.buffer_ms ? 'yes' : 'NO'} | ${notice.trimmed} | ${kb(notice.buffer_peak_bytes)} |`,
    );
  }
}

async function stressTable(snag: RunningServer, sessionId: string) {
  const notice = await keptNotice(snag, sessionId);
  const [page] = (await snag.store.query(
    `SELECT toUnixTimestamp64Milli(min(client_time)) AS t, countIf(name = '$replay_paused') AS pauses
     FROM {db:Identifier}.events WHERE session_id = {session:String}`,
    { session: sessionId },
  )) as Array<{ t: number; pauses: number }>;
  const replay = await replayBytes(snag, sessionId);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `\nstress page on-struggle for ${values['stress-ms']} ms, then keepReplay(): buffer peak ${kb(notice?.buffer_peak_bytes ?? 0)} KB, ` +
      `trimmed by the cap: ${notice?.trimmed}; page load → first kept snapshot ${s(replay.first - Number(page?.t))} s, ` +
      `pre-roll ${s((notice?.trigger_t ?? 0) - replay.first)} s, recording paused ${page?.pauses} times (mutation budget / storms)`,
  );
}

async function screenshots(browser: Browser, snag: RunningServer, dir: string, onStruggle: Visit[]) {
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: snag.url });
  const page = await context.newPage();
  await page.goto('/sign-in?with=token');
  await page.fill('#admin-token', ADMIN_TOKEN);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/p\//);
  await page.goto('/p/default/sessions?sort=recent');
  await page.waitForSelector('[data-testid="replay-kept"]');
  await page.screenshot({ path: join(out, 'sessions-replay-kept.png') });
  const kept = onStruggle.find((visit) => visit.persona === 'confused') ?? onStruggle[0];
  if (kept) {
    await page.goto(`/p/default/sessions/${kept.sessionId}`);
    await page.waitForSelector('.timeline-marker.marker-preroll');
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: join(out, 'replay-on-struggle.png') });
  }
  await context.close();
  console.log(`\nscreenshots in ${out}`);
}

const snag = await startSnag();
const browser = await launchBrowser();
const always = await startShop({ snagUrl: snag.url, key: PROJECT_KEY });
const onStruggle = await startShop({ snagUrl: snag.url, key: PROJECT_KEY, sdkAttributes: 'data-replay="on-struggle"' });
const parts = new Set(values.parts.split(','));
const names = Object.keys(BENCH_PERSONAS);
let sentOnStruggle: Visit[] = [];
let long: Visit[] = [];
try {
  if (parts.has('bytes')) {
    console.log(`replay bytes: ${names.length} personas × 2 modes`);
    const sentAlways = await runVisits(browser, always.url, names, { concurrency: 2 });
    sentOnStruggle = await runVisits(browser, onStruggle.url, names, { concurrency: 2 });
    await bytesTable(snag, sentAlways, sentOnStruggle);
  }
  if (parts.has('preroll')) {
    const warmUpMs = Number(values['warm-up-ms']);
    console.log(`\npre-roll: each persona on-struggle after ${warmUpMs / 1000} s of ordinary use (full page loads)`);
    long = await runVisits(browser, onStruggle.url, names.slice(1), { warmUpMs, concurrency: 3 });
    await prerollTable(snag, long);
  }
  if (parts.has('stress')) await stressTable(snag, await stressBufferPeak(browser, snag, Number(values['stress-ms'])));
  if (values.screenshots) await screenshots(browser, snag, values.screenshots, [...long, ...sentOnStruggle]);
} finally {
  await browser.close();
  await always.close();
  await onStruggle.close();
  await snag.close();
  removeDataDir(snag.dataDir);
}
