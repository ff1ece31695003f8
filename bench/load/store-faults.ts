import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '@snag/server';
import { type ChdbHttpProcess, startChdbHttp } from '../../packages/server/test/helpers/chdb-http-process.js';
import type { EncodedBatch } from '../ingest/batches.js';
import { loopbackIngestUrl, postBatch } from '../ingest/post-batch.js';
import { type BenchServer, startBenchServer } from '../ingest/server-process.js';
import { runStep, type StepResult } from './open-loop.js';

/**
 * Store faults under load, on a remote store: ClickHouse served by chDB in its
 * own process over HTTP, which is killed (SIGKILL) and brought back on the same
 * data. Snag must spool what it acknowledges and write it when the store is back.
 */

export interface FaultOptions {
  batches: EncodedBatch[];
  batchesPerSecond: number;
  eventsPerBatch: number;
  key: string;
  env: Record<string, string>;
}

export interface FaultFigures {
  sent: number;
  acknowledged: number;
  refused: number;
  resent: number;
  stored: number;
  lost: number;
  p99: number;
  maxSpoolMb: number;
}

const DRAIN_TIMEOUT_MS = 10 * 60_000;

class RemoteSnag {
  private constructor(
    readonly dir: string,
    public store: ChdbHttpProcess,
    readonly server: BenchServer,
  ) {}

  static async start(env: Record<string, string>, extraEnv: Record<string, string>): Promise<RemoteSnag> {
    const dir = mkdtempSync(path.join(tmpdir(), 'snag-bench-fault-'));
    const store = await startChdbHttp(path.join(dir, 'store'));
    const server = await startBenchServer({
      ...env,
      ...extraEnv,
      CLICKHOUSE_URL: store.url,
      SNAG_DATA_DIR: path.join(dir, 'snag'),
    });
    return new RemoteSnag(dir, store, server);
  }

  async restartStore(): Promise<void> {
    this.store = await startChdbHttp(path.join(this.dir, 'store'), this.store.port);
  }

  async spool(): Promise<{ files: number; bytes: number }> {
    const res = await fetch(`${this.server.url}/readyz`);
    return ((await res.json()) as { spool: { files: number; bytes: number } }).spool;
  }

  async waitForDrain(): Promise<void> {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while ((await this.spool()).files > 0) {
      if (Date.now() > deadline) throw new Error('the spool did not drain');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** Acknowledged sessions stored whole (every event once). */
  async storedWhole(sessionIds: string[], eventsPerBatch: number): Promise<number> {
    const reader = openStore({ kind: 'remote', url: this.store.url, database: 'snag', retentionDays: 3650 });
    const ids = [...new Set(sessionIds)];
    let complete = 0;
    try {
      // In slices: query parameters travel in the URL.
      for (let start = 0; start < ids.length; start += 1_000) {
        const [row] = await reader.query<{ complete: string }>(
          `SELECT count() AS complete FROM (
             SELECT session_id FROM {db:Identifier}.events FINAL
             WHERE project_id = 'default' AND session_id IN {ids:Array(String)}
             GROUP BY session_id HAVING count() = {events:UInt32})`,
          { ids: ids.slice(start, start + 1_000), events: eventsPerBatch },
        );
        complete += Number(row?.complete ?? 0);
      }
      return complete;
    } finally {
      await reader.close();
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.store.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Samples the spool size while `work` runs; resolves with the work's result and the largest spool seen. */
async function watchSpool<T>(snag: RemoteSnag, work: Promise<T>): Promise<[T, number]> {
  let maxBytes = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      maxBytes = Math.max(maxBytes, (await snag.spool().catch(() => ({ bytes: 0 }))).bytes);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const result = await work;
  done = true;
  await sampler;
  return [result, Math.round(maxBytes / 1024 / 1024)];
}

const RESEND_CONCURRENCY = 64;

/** Resends refused batches until each is acknowledged, many at once as many browsers would. */
async function resend(server: BenchServer, key: string, refused: EncodedBatch[]): Promise<number> {
  const target = loopbackIngestUrl(server.url);
  const agent = new Agent({ keepAlive: true });
  const queue = [...refused];
  const worker = async () => {
    for (let item = queue.pop(); item; item = queue.pop()) {
      while ((await postBatch(target, agent, key, item.body)) !== 202) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  };
  await Promise.all(Array.from({ length: RESEND_CONCURRENCY }, worker));
  agent.destroy();
  return refused.length;
}

function figures(step: StepResult, resent: number, stored: number, maxSpoolMb: number): FaultFigures {
  const ids = new Set([...step.acknowledgedIds, ...step.refused.map((item) => item.batch.session.id)]).size;
  return {
    sent: step.sent,
    acknowledged: step.acknowledged,
    refused: step.refused.length,
    resent,
    stored,
    lost: ids - stored,
    p99: step.p99,
    maxSpoolMb,
  };
}

/** Load for `downSeconds` + 30 s; the store is killed after 10 s and back `downSeconds` later. */
export async function runStoreOutage(options: FaultOptions, downSeconds: number): Promise<FaultFigures> {
  const snag = await RemoteSnag.start(options.env, {});
  try {
    const load = runStep({
      url: snag.server.url,
      key: options.key,
      batches: options.batches,
      offset: 0,
      batchesPerSecond: options.batchesPerSecond,
      seconds: downSeconds + 30,
    });
    const fault = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      await snag.store.kill();
      await new Promise((resolve) => setTimeout(resolve, downSeconds * 1_000));
      await snag.restartStore();
    })();
    const [step, maxSpoolMb] = await watchSpool(snag, load);
    await fault;
    const resent = await resend(snag.server, options.key, step.refused);
    await snag.waitForDrain();
    const ids = [...step.acknowledgedIds, ...step.refused.map((item) => item.batch.session.id)];
    return figures(step, resent, await snag.storedWhole(ids, options.eventsPerBatch), maxSpoolMb);
  } finally {
    await snag.stop();
  }
}

/** The store down for the whole step with a small spool: past its cap, 503 + Retry-After, and the client keeps the batch. */
export async function runSpoolFull(options: FaultOptions, spoolMb: number, seconds: number): Promise<FaultFigures> {
  const snag = await RemoteSnag.start(options.env, { SNAG_SPOOL_MAX_MB: String(spoolMb) });
  try {
    await snag.store.kill();
    const [step, maxSpoolMb] = await watchSpool(
      snag,
      runStep({
        url: snag.server.url,
        key: options.key,
        batches: options.batches,
        offset: 0,
        batchesPerSecond: options.batchesPerSecond,
        seconds,
      }),
    );
    await snag.restartStore();
    await snag.waitForDrain();
    const resent = await resend(snag.server, options.key, step.refused);
    const ids = [...step.acknowledgedIds, ...step.refused.map((item) => item.batch.session.id)];
    return figures(step, resent, await snag.storedWhole(ids, options.eventsPerBatch), maxSpoolMb);
  } finally {
    await snag.stop();
  }
}
