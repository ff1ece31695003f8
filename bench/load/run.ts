/**
 * Load and fault benchmark: open-loop ingest on loopback against `snag serve` on the
 * embedded store.
 *   1. ramp: 10 s steps of +100 batches/s (20 events each) until p99 passes 500 ms;
 *   2. soak: 70 % of the last rate held, for LOAD_SOAK_SECONDS (default 600), with
 *      p99 and server RSS per minute;
 *   3. crash: the same rate, the server killed with SIGKILL mid-step and restarted;
 *   4. every acknowledged batch is then looked up in the store: events lost must be 0;
 *   5. store outage: on a remote store (chDB over HTTP in its own process), the store
 *      killed for LOAD_OUTAGE_SECONDS (default 60) under load at half the soak rate;
 *   6. spool full: the store down with a 16 MiB spool until ingest answers 503, the
 *      refused batches resent as the SDK would. In 5 and 6 every batch sent must be stored;
 *   7. poison: on the embedded store, one batch a second of the shapes that stalled or
 *      could stall ingest (poison-batches.ts) for LOAD_POISON_SECONDS (default 60) among
 *      ordinary traffic to two projects: none of it lost, readable within 5 s of its 202.
 *
 *   pnpm bench:load          (LOAD_SOAK_SECONDS=60 LOAD_OUTAGE_SECONDS=20 for a short run)
 *   pnpm bench:load faults   (phases 5 to 7 only, at LOAD_FAULT_EVENTS_PER_S, default 2,000)
 *   pnpm bench:load poison   (phase 7 only)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '@snag/server';
import { makeEncodedBatches } from '../ingest/batches.js';
import { type BenchServer, startBenchServer } from '../ingest/server-process.js';
import { runStep, type StepResult } from './open-loop.js';
import { runPoisonFault } from './poison-fault.js';
import { accepted, poisonTable, READABLE_GOAL_MS, repairedSent } from './poison-table.js';
import { type FaultFigures, runSpoolFull, runStoreOutage } from './store-faults.js';

const STEP_SECONDS = 10;
const STEP_BATCHES_PER_S = 100;
const P99_LIMIT_MS = 500;
const SOAK_SECONDS = Number(process.env.LOAD_SOAK_SECONDS ?? 600);
const SOAK_SLICE_SECONDS = 60;
const OUTAGE_SECONDS = Number(process.env.LOAD_OUTAGE_SECONDS ?? 60);
const SPOOL_FULL_MB = 16;
const SPOOL_FULL_SECONDS = 30;
const POISON_SECONDS = Number(process.env.LOAD_POISON_SECONDS ?? 60);
const FAULT_EVENTS_PER_S = Number(process.env.LOAD_FAULT_EVENTS_PER_S ?? 2_000);
const KEY = 'pk_bench_load_key';
const TOKEN = 'bench-admin-token-0123456789';
const EVENTS_PER_BATCH = 20;

const dataDir = mkdtempSync(path.join(tmpdir(), 'snag-bench-load-'));
const env = {
  SNAG_DATA_DIR: dataDir,
  SNAG_DEFAULT_PROJECT_KEY: KEY,
  SNAG_ADMIN_TOKEN: TOKEN,
  SNAG_LOG_LEVEL: 'warn',
  // The clients stand for many browsers but share one loopback address.
  SNAG_RATE_LIMIT_IP_REQUESTS_PER_S: '0',
};
const batches = makeEncodedBatches(20_000);
const acknowledged = new Set<string>();
let offset = 0;

async function step(server: BenchServer, batchesPerSecond: number, seconds: number): Promise<StepResult> {
  const result = await runStep({ url: server.url, key: KEY, batches, offset, batchesPerSecond, seconds });
  offset += result.sent;
  for (const id of result.acknowledgedIds) acknowledged.add(id);
  return result;
}

async function serverRssMb(server: BenchServer): Promise<number> {
  const res = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  const match = /^snag_process_resident_memory_bytes (\d+)/m.exec(await res.text());
  return Math.round(Number(match?.[1] ?? 0) / 1024 / 1024);
}

const faultLine = (f: FaultFigures) =>
  `sent ${f.sent} batches, acknowledged ${f.acknowledged}, refused ${f.refused} (resent ${f.resent}), spool peak ${f.maxSpoolMb} MB, p99 ${f.p99.toFixed(0)} ms; stored ${f.stored}; events lost ${f.lost * EVENTS_PER_BATCH}`;

const line = (r: StepResult) =>
  `${String(r.batchesPerSecond * EVENTS_PER_BATCH).padStart(6)} events/s offered: ${r.acknowledged}/${r.sent} acknowledged, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms`;

/** Phase 7 at `batchesPerSecond`. */
async function poisonFault(batchesPerSecond: number): Promise<void> {
  const rate = batchesPerSecond * EVENTS_PER_BATCH;
  console.log(`poison: one poison batch a second for ${POISON_SECONDS} s under ${rate} events/s over two projects`);
  const figures = await runPoisonFault({
    env,
    key: KEY,
    adminToken: TOKEN,
    batchesPerSecond,
    eventsPerBatch: EVENTS_PER_BATCH,
    seconds: POISON_SECONDS,
  });
  for (const row of poisonTable(figures, POISON_SECONDS, EVENTS_PER_BATCH)) console.log(row);
  const { ingest, spool } = figures.deadLetters;
  const unready = [...figures.readiness.keys()].some((answer) => !answer.startsWith('200'));
  const late = figures.notReadable > 0 || figures.readable.some((sample) => sample.ms > READABLE_GOAL_MS);
  const repaired = figures.repairedStoredWhole === repairedSent(figures);
  if (figures.lostEvents !== 0 || late || unready || !repaired || figures.poisonEventsStored !== 0)
    process.exitCode = 1;
  if (ingest + spool !== accepted(figures)) process.exitCode = 1;
}

/** Phases 5 to 7 at `batchesPerSecond`; `pnpm bench:load faults` runs only these. */
async function storeFaults(batchesPerSecond: number): Promise<void> {
  const faults = { batches, key: KEY, env, eventsPerBatch: EVENTS_PER_BATCH, batchesPerSecond };
  const rate = batchesPerSecond * EVENTS_PER_BATCH;
  console.log(`store outage: remote store killed for ${OUTAGE_SECONDS} s under ${rate} events/s`);
  const outage = await runStoreOutage(faults, OUTAGE_SECONDS);
  console.log(`  ${faultLine(outage)}`);
  console.log(`spool full: store down, ${SPOOL_FULL_MB} MiB spool, ${rate} events/s for ${SPOOL_FULL_SECONDS} s`);
  const full = await runSpoolFull(faults, SPOOL_FULL_MB, SPOOL_FULL_SECONDS);
  console.log(`  ${faultLine(full)}`);
  if (outage.lost !== 0 || full.lost !== 0 || full.refused === 0) process.exitCode = 1;
  await poisonFault(batchesPerSecond);
}

async function main() {
  if (process.argv[2] === 'faults' || process.argv[2] === 'poison') {
    const batchesPerSecond = FAULT_EVENTS_PER_S / EVENTS_PER_BATCH;
    await (process.argv[2] === 'faults' ? storeFaults(batchesPerSecond) : poisonFault(batchesPerSecond));
    rmSync(dataDir, { recursive: true, force: true });
    return;
  }
  let server = await startBenchServer(env);
  try {
    console.log('ramp (10 s steps):');
    let held = 0;
    for (let rate = STEP_BATCHES_PER_S; ; rate += STEP_BATCHES_PER_S) {
      const result = await step(server, rate, STEP_SECONDS);
      console.log(`  ${line(result)}`);
      if (result.p99 > P99_LIMIT_MS || result.failed > 0) break;
      held = rate;
    }
    const soakRate = Math.max(1, Math.round(held * 0.7));
    console.log(`held: ${held * EVENTS_PER_BATCH} events/s at p99 ≤ ${P99_LIMIT_MS} ms`);

    console.log(`soak at ${soakRate * EVENTS_PER_BATCH} events/s for ${SOAK_SECONDS} s:`);
    const rssStart = await serverRssMb(server);
    for (let elapsed = 0; elapsed < SOAK_SECONDS; elapsed += SOAK_SLICE_SECONDS) {
      const result = await step(server, soakRate, Math.min(SOAK_SLICE_SECONDS, SOAK_SECONDS - elapsed));
      console.log(`  ${line(result)}, server RSS ${await serverRssMb(server)} MB`);
    }
    console.log(`  RSS start ${rssStart} MB, end ${await serverRssMb(server)} MB`);

    console.log('crash: SIGKILL mid-step, then restart on the same data folder');
    const crashed = step(server, soakRate, STEP_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, (STEP_SECONDS * 1000) / 2));
    server.child.kill('SIGKILL');
    console.log(`  ${line(await crashed)}`);
    server = await startBenchServer(env);
    await server.stop();

    const store = openStore({
      kind: 'embedded',
      dataDir: path.join(dataDir, 'clickhouse'),
      database: 'snag',
      retentionDays: 3650,
    });
    try {
      const ids = [...acknowledged];
      const [row] = await store.query<{ complete: string }>(
        `SELECT count() AS complete FROM (
           SELECT session_id FROM {db:Identifier}.events FINAL
           WHERE project_id = 'default' AND session_id IN {ids:Array(String)}
           GROUP BY session_id HAVING count() = {events:UInt32})`,
        { ids, events: EVENTS_PER_BATCH },
      );
      const complete = Number(row?.complete ?? 0);
      console.log(
        `acknowledged batches: ${ids.length} (${ids.length * EVENTS_PER_BATCH} events); stored whole: ${complete}; events lost: ${(ids.length - complete) * EVENTS_PER_BATCH}`,
      );
      if (complete !== ids.length) process.exitCode = 1;
    } finally {
      await store.close();
    }

    await storeFaults(Math.max(1, Math.round(soakRate / 2)));
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
