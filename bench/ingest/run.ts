/**
 * Ingest benchmark: real HTTP on loopback against `snag serve` on the embedded
 * store, concurrent keep-alive clients sending gzip batches of ~20 mixed events.
 * Prints events/s, acknowledgement latency, and the ceiling of inserting the same
 * rows straight through @clickhouse/client, with the ratio of the two.
 *
 *   pnpm bench            (BENCH_SECONDS, BENCH_CONCURRENCY to change the run)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeEncodedBatches } from './batches.js';
import { measureCeiling } from './ceiling.js';
import { percentile, runLoad } from './load.js';
import { startBenchServer } from './server-process.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const WARMUP_SECONDS = 3;
const DISTINCT_BATCHES = 4_000;
const KEY = 'pk_bench_ingest_key';

async function main() {
  const batches = makeEncodedBatches(DISTINCT_BATCHES);
  const meanBytes = batches.reduce((sum, item) => sum + item.body.length, 0) / batches.length;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'snag-bench-ingest-'));
  const server = await startBenchServer({
    SNAG_DATA_DIR: dataDir,
    SNAG_DEFAULT_PROJECT_KEY: KEY,
    SNAG_ADMIN_TOKEN: 'bench-admin-token-0123456789',
    // The clients stand for many browsers but share one loopback address.
    SNAG_RATE_LIMIT_IP_REQUESTS_PER_S: '0',
  });
  try {
    await runLoad({ url: server.url, key: KEY, batches, concurrency: CONCURRENCY, seconds: WARMUP_SECONDS });
    const before = await writerStats(server.url);
    const load = await runLoad({ url: server.url, key: KEY, batches, concurrency: CONCURRENCY, seconds: SECONDS });
    const after = await writerStats(server.url);
    await server.stop();

    const inserts = after.inserts - before.inserts;
    const rowsPerInsert = (after.rowsWritten - before.rowsWritten) / Math.max(1, inserts);
    const ingestRate = load.events / load.seconds;
    const ceiling = await measureCeiling(batches, load.events, rowsPerInsert);

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log(`\nIngest benchmark (${SECONDS} s, ${CONCURRENCY} keep-alive clients, loopback, embedded chDB)`);
    console.log(`  batch: ${batches[0]?.batch.events.length} mixed events, ${fmt(meanBytes)} bytes gzip`);
    console.log(`  requests:          ${fmt(load.requests)} (${load.failures} not 202)`);
    console.log(`  HTTP ingest:       ${fmt(ingestRate)} events/s (${fmt(load.requests / load.seconds)} batches/s)`);
    console.log(
      `  ack latency:       p50 ${percentile(load.latenciesMs, 50).toFixed(1)} ms, p99 ${percentile(load.latenciesMs, 99).toFixed(1)} ms`,
    );
    console.log(`  group commit:      ${fmt(inserts)} inserts, ${fmt(rowsPerInsert)} rows per insert`);
    console.log(`  ceiling (direct):  ${fmt(ceiling.eventsPerSecond)} events/s (same rows, same insert size)`);
    console.log(`  ratio:             ${(ingestRate / ceiling.eventsPerSecond).toFixed(2)}`);
  } finally {
    if (server.child.exitCode === null) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function writerStats(url: string): Promise<{ inserts: number; rowsWritten: number }> {
  const res = await fetch(`${url}/readyz`);
  const body = (await res.json()) as { writer: { inserts: number; rowsWritten: number } };
  return body.writer;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
