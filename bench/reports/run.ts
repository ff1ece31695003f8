import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BatchingWriter, createApp, migrate, openStore } from '@snag/server';
import { measure, type Timing, timeFirstByte, timeGet } from './measure.js';
import { NAIVE_HOTSPOTS_SQL } from './naive-hotspots-sql.js';
import { BENCH_END, seedOnce, settleJourneySignals } from './seed.js';

const TOKEN = 'bench-admin-token-0123456789';
const DAY = 86_400_000;

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '100000' },
    padding: { type: 'string', default: '25' },
    runs: { type: 'string', default: '20' },
    'data-dir': { type: 'string', default: '.bench-data/reports' },
  },
});
const runs = Number(values.runs);
const dataDir = path.resolve(values['data-dir']);

const store = openStore({ kind: 'embedded', dataDir, database: 'snag', retentionDays: 3_650 });
await migrate(store);
const seeded = await seedOnce(store, dataDir, { sessions: Number(values.sessions), padding: Number(values.padding) });
const settleSeconds = await settleJourneySignals(store);
console.log(`session facts refreshed in ${settleSeconds.toFixed(1)} s`);
if (!seeded.reused) {
  // Measure a merged store, as a server that has run for a while has.
  for (const table of ['events', 'page_views', 'key_events', 'replay_chunks', 'session_activity', 'session_facts']) {
    await store.command(`OPTIMIZE TABLE {db:Identifier}.${table} FINAL`);
  }
  console.log(
    `generated ${seeded.truth.events} events / ${seeded.truth.sessions} sessions in ${seeded.seconds.toFixed(0)} s`,
  );
}
const [counts] = await store.query<{ events: string; sessions: string }>(
  "SELECT count() AS events, uniqExact(session_id) AS sessions FROM {db:Identifier}.events WHERE project_id = 'bench'",
);
console.log(`data: ${counts?.events} events, ${counts?.sessions} sessions (${dataDir})`);

const writer = new BatchingWriter(store);
const app = createApp({ store, writer, adminToken: TOKEN });
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/projects/bench`;

const iso = (ms: number) => new Date(ms).toISOString();
/** Varied windows ending on different days: the last 1, 7, 14 or 28 days before a moving end. */
const windows = Array.from({ length: runs }, (_, i) => {
  const to = BENCH_END - (i % 5) * DAY;
  const span = [7, 14, 1, 28][i % 4] ?? 7;
  return `from=${iso(to - span * DAY)}&to=${iso(to)}`;
});
const kinds = ['', '&kind=rage_click', '', '&kind=dead_click', '&path=/checkout'];
const vary = (i: number) => `${windows[i]}${kinds[i % kinds.length]}`;
const indexes = windows.map((_, i) => i);

const sessionIds = (
  await store.query<{ id: string }>(
    `SELECT DISTINCT session_id AS id FROM {db:Identifier}.replay_chunks WHERE project_id = 'bench' LIMIT ${runs}`,
  )
).map((row) => row.id);

const timings: Timing[] = [];
timings.push(await measure('hotspots', indexes, (i) => timeGet(`${base}/hotspots?${vary(i)}`, TOKEN)));
timings.push(await measure('sessions', indexes, (i) => timeGet(`${base}/sessions?${vary(i)}`, TOKEN)));
timings.push(await measure('trends', indexes, (i) => timeGet(`${base}/trends?${vary(i)}`, TOKEN)));
timings.push(
  await measure('heatmap', indexes, (i) =>
    timeGet(`${base}/heatmap?${windows[i]}&path=${['/checkout', '/products/:id', '/'][i % 3]}`, TOKEN),
  ),
);
timings.push(
  await measure('releases/compare', indexes, (i) =>
    timeGet(`${base}/releases/compare?base=1.4.0&head=1.5.0&${windows[i]}`, TOKEN),
  ),
);
timings.push(await measure('pages', indexes, (i) => timeGet(`${base}/pages?${windows[i]}`, TOKEN)));
timings.push(
  await measure('report (json)', indexes.slice(0, 5), (i) => timeGet(`${base}/report?${windows[i]}`, TOKEN)),
);
timings.push(
  await measure('replay first byte', sessionIds, (id) => timeFirstByte(`${base}/sessions/${id}/replay`, TOKEN)),
);
timings.push(await measure('replay full', sessionIds, (id) => timeGet(`${base}/sessions/${id}/replay`, TOKEN)));
const naive = await measure('naive raw-table hotspots SQL', indexes, async (i) => {
  const to = BENCH_END - (i % 5) * DAY;
  const span = ([7, 14, 1, 28][i % 4] ?? 7) * DAY;
  const started = performance.now();
  await store.query(NAIVE_HOTSPOTS_SQL, { project: 'bench', from: to - span, to, previous_from: to - 2 * span });
  return performance.now() - started;
});
timings.push(naive);

console.log('\n| endpoint | runs | p50 ms | p95 ms |\n|---|---|---|---|');
for (const t of timings) console.log(`| ${t.name} | ${t.runs} | ${t.p50.toFixed(0)} | ${t.p95.toFixed(0)} |`);
const hotspots = timings[0];
if (hotspots) {
  console.log(
    `\nnaive / API hotspots: p50 ×${(naive.p50 / hotspots.p50).toFixed(1)}, p95 ×${(naive.p95 / hotspots.p95).toFixed(1)}`,
  );
}
server.close();
await writer.close();
await store.close();
