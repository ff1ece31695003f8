import { rmSync } from 'node:fs';
import type { Batch } from '@snag/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/client.js';
import { makeBatch } from './helpers/batches.js';
import { type ChdbHttpProcess, startChdbHttp } from './helpers/chdb-http-process.js';
import { type ServeProcess, startServeProcess } from './helpers/cli-process.js';
import { makeDataDir } from './helpers/test-store.js';

/**
 * Snag on a remote store over real HTTP (ClickHouse served by chDB in another
 * process), and that process killed with SIGKILL under ingest: what was
 * acknowledged must be stored exactly once when the store is back.
 */

const ADMIN_TOKEN = 'outage-admin-token-0123456789';
const KEY = 'pk_outage_test_key';
const dirs: string[] = [];
const processes: { kill(): Promise<unknown> }[] = [];

afterAll(async () => {
  for (const process of processes) await process.kill().catch(() => undefined);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = makeDataDir();
  dirs.push(dir);
  return dir;
}

async function startStore(dataDir: string, port?: number): Promise<ChdbHttpProcess> {
  const store = await startChdbHttp(dataDir, port);
  processes.push(store);
  return store;
}

async function startSnag(storeUrl: string, extraEnv: Record<string, string> = {}): Promise<ServeProcess> {
  const snag = await startServeProcess({
    CLICKHOUSE_URL: storeUrl,
    SNAG_DATA_DIR: tempDir(),
    SNAG_ADMIN_TOKEN: ADMIN_TOKEN,
    SNAG_DEFAULT_PROJECT_KEY: KEY,
    SNAG_RATE_LIMIT_IP_REQUESTS_PER_S: '0',
    SNAG_LOG_LEVEL: 'warn',
    ...extraEnv,
  });
  processes.push({ kill: () => snag.stop() });
  return snag;
}

async function send(snag: ServeProcess, batch: Batch): Promise<Response> {
  return fetch(`${snag.url}/v1/ingest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Snag-Key': KEY },
    body: JSON.stringify(batch),
  });
}

async function readyz(snag: ServeProcess) {
  const res = await fetch(`${snag.url}/readyz`);
  const body = (await res.json()) as { store: { reachable: boolean }; spool: { files: number; bytes: number } };
  return { httpStatus: res.status, ...body };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Per batch: how many of its events are stored, and how many rows they take (duplicates would show). */
async function storedCounts(store: Store, batches: Batch[]): Promise<{ events: number; rows: number }> {
  const rows = await store.query<{ events: string; rows: string }>(
    `SELECT uniqExact(event_id) AS events, count() AS rows FROM {db:Identifier}.events FINAL
     WHERE project_id = 'default' AND session_id IN {ids:Array(String)}`,
    { ids: batches.map((batch) => batch.session.id) },
  );
  return { events: Number(rows[0]?.events), rows: Number(rows[0]?.rows) };
}

const eventsIn = (batches: Batch[]) => batches.reduce((sum, batch) => sum + batch.events.length, 0);

describe('the remote store goes away under ingest', () => {
  it('acknowledges into the spool while the store is down, then writes everything once', async () => {
    const storeDir = tempDir();
    let store = await startStore(storeDir);
    const snag = await startSnag(store.url);
    const acknowledged: Batch[] = [];
    const sendAll = async (count: number) => {
      const batches = Array.from({ length: count }, () => makeBatch());
      const answers = await Promise.all(batches.map((batch) => send(snag, batch)));
      for (const [i, res] of answers.entries()) {
        expect(res.status).toBe(202);
        acknowledged.push(batches[i] as Batch);
      }
    };

    await sendAll(20);
    await store.kill();
    await sendAll(40);
    const down = await readyz(snag);
    expect(down.httpStatus).toBe(503);
    expect(down.store.reachable).toBe(false);
    expect(down.spool.files).toBeGreaterThan(0);
    const metrics = await (
      await fetch(`${snag.url}/metrics`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).text();
    expect(Number(/^snag_spool_files (\d+)/m.exec(metrics)?.[1])).toBeGreaterThan(0);

    store = await startStore(storeDir, store.port);
    await sendAll(20);
    await waitFor(async () => (await readyz(snag)).spool.files === 0, 'the spool to drain');

    const reader = openStore({ kind: 'remote', url: store.url, database: 'snag', retentionDays: 3650 });
    try {
      const counts = await storedCounts(reader, acknowledged);
      expect(counts).toEqual({ events: eventsIn(acknowledged), rows: eventsIn(acknowledged) });
    } finally {
      await reader.close();
    }
  });

  it('answers 503 spool_full with Retry-After at the spool cap; the client resends and nothing is lost', async () => {
    const storeDir = tempDir();
    let store = await startStore(storeDir);
    const snag = await startSnag(store.url, { SNAG_SPOOL_MAX_MB: '1' });
    await store.kill();

    const sent: Batch[] = [];
    const refused: Batch[] = [];
    let retryAfter = '';
    // Padded batches fill the 1 MiB spool in a few dozen requests.
    const padding = 'x'.repeat(1_500);
    while (refused.length < 5 && sent.length < 2_000) {
      const batch = makeBatch({ url: `https://shop.example/orders/${sent.length}?note=${padding}` });
      sent.push(batch);
      const res = await send(snag, batch);
      if (res.status === 503) {
        const body = (await res.json()) as { error: string };
        expect(body.error).toBe('spool_full');
        retryAfter = res.headers.get('retry-after') ?? '';
        refused.push(batch);
      } else expect(res.status).toBe(202);
    }
    expect(refused.length).toBe(5);
    expect(Number(retryAfter)).toBeGreaterThan(0);

    store = await startStore(storeDir, store.port);
    await waitFor(async () => (await readyz(snag)).spool.files === 0, 'the spool to drain');
    for (const batch of refused) expect((await send(snag, batch)).status).toBe(202);

    const reader = openStore({ kind: 'remote', url: store.url, database: 'snag', retentionDays: 3650 });
    try {
      await waitFor(async () => (await storedCounts(reader, sent)).events === eventsIn(sent), 'every batch stored');
      expect(await storedCounts(reader, sent)).toEqual({ events: eventsIn(sent), rows: eventsIn(sent) });
    } finally {
      await reader.close();
    }
  });
});
