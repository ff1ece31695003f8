import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Batch } from '@snag/protocol';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { ensureCredentials } from '../src/auth/bootstrap.js';
import type { Config } from '../src/config.js';
import { createProject } from '../src/projects/create-project.js';
import { openStore, type Store } from '../src/store/client.js';
import { migrate } from '../src/store/migrate.js';
import { BatchingWriter } from '../src/store/writer.js';
import { makeBatch } from './helpers/batches.js';
import { CLI_PATH, startServeProcess } from './helpers/cli-process.js';
import { ADMIN_TOKEN, makeDataDir, PUBLIC_KEY } from './helpers/test-store.js';

const run = promisify(execFile);
const sourceDir = makeDataDir();
const restoredDir = makeDataDir();
const offlineBackup = path.join(makeDataDir(), 'nightly');
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const FROM = new Date(Date.now() - 3_600_000).toISOString();
const TO = new Date(Date.now() + 3_600_000).toISOString();
const READS = [
  `/api/v1/projects/default/sessions?from=${FROM}&to=${TO}`,
  `/api/v1/projects/default/hotspots?from=${FROM}&to=${TO}`,
];

let store: Store;
let writer: BatchingWriter;
let app: Express;
const sessions: Batch[] = [];
/** What the source answered before the backup, for READS and each session. */
let expected: Record<string, unknown>;

const snag = (dataDir: string, ...args: string[]) =>
  run(process.execPath, [CLI_PATH, ...args], { env: { PATH: process.env.PATH ?? '', SNAG_DATA_DIR: dataDir } });

/** Reads every expected URL from `snag serve` on a restored folder. */
async function readRestored(dataDir: string): Promise<Record<string, unknown>> {
  const server = await startServeProcess({ SNAG_DATA_DIR: dataDir, SNAG_ADMIN_TOKEN: ADMIN_TOKEN });
  try {
    const out: Record<string, unknown> = {};
    for (const url of Object.keys(expected)) {
      const res = await fetch(`${server.url}${url}`, { headers: admin });
      out[url] = { status: res.status, body: await res.json() };
    }
    return out;
  } finally {
    await server.stop();
  }
}

beforeAll(async () => {
  const config: Config['store'] = {
    kind: 'embedded',
    dataDir: path.join(sourceDir, 'clickhouse'),
    database: 'snag',
    retentionDays: 3650,
    backupsDir: path.join(sourceDir, 'backups'),
  };
  store = openStore(config);
  await migrate(store);
  await ensureCredentials(store, { adminToken: ADMIN_TOKEN, defaultProjectKey: PUBLIC_KEY } as Config);
  writer = new BatchingWriter(store, { flushIntervalMs: 10 });
  app = createApp({ store, writer, adminToken: ADMIN_TOKEN });
  for (let i = 0; i < 6; i += 1) {
    const batch = makeBatch({ userId: `user-${i}`, url: `https://shop.example/checkout/${i % 2 ? 'pay' : 'cart'}` });
    await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    sessions.push(batch);
  }
  expected = {};
  for (const url of [...READS, ...sessions.map((s) => `/api/v1/projects/default/sessions/${s.session.id}`)]) {
    const res = await request(app).get(url).set(admin);
    expected[url] = { status: res.status, body: res.body };
  }
});
afterAll(async () => {
  await writer?.close();
  await store?.close();
  for (const dir of [sourceDir, restoredDir, path.dirname(offlineBackup)])
    rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore of the embedded store', () => {
  it('the running server backs up while it ingests; the restore reads the same', { timeout: 120_000 }, async () => {
    expect((expected[READS[1] as string] as { body: { hotspots: unknown[] } }).body.hotspots.length).toBeGreaterThan(0);
    await request(app).post('/api/v1/admin/backup').expect(401);

    const noise = await createProject(store, 'Noise');
    const acknowledged: { batch: Batch; before: boolean }[] = [];
    let backupStarted = false;
    let stop = false;
    const client = async () => {
      while (!stop) {
        const batch = makeBatch();
        const res = await request(app).post('/v1/ingest').set('X-Snag-Key', noise.key).send(batch);
        // "Before" means acknowledged (its rows in ClickHouse) before the backup was asked for;
        // a request still in flight then may or may not make it into the backup.
        if (res.status === 202) acknowledged.push({ batch, before: !backupStarted });
      }
    };
    const ingest = Promise.all(Array.from({ length: 4 }, client));
    while (acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    backupStarted = true;
    const backup = await request(app).post('/api/v1/admin/backup').set(admin);
    const duringBackup = acknowledged.length;
    stop = true;
    await ingest;
    expect(backup.status).toBe(201);
    expect(backup.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(backup.body.path).toMatch(/backups\/snag-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(backup.body.manifest).toMatchObject({ format: 1, database: 'snag', online: true, spool_files: 0 });
    expect(backup.body.manifest.migrations).toContain(1);
    expect(duringBackup).toBeGreaterThan(0);

    const both = await Promise.all([1, 2].map(() => request(app).post('/api/v1/admin/backup').set(admin)));
    expect(both.map((res) => res.status).sort()).toEqual([201, 409]);
    expect(both.map((res) => res.body.error)).toContain('backup_running');

    // chDB lets one process hold a data folder: the CLI says so and names the online way.
    await expect(snag(sourceDir, 'backup', offlineBackup)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is in use by another process (is `snag serve` running?)'),
    });

    const restored = await snag(restoredDir, 'restore', backup.body.path);
    expect(restored.stdout).toMatch(/^restored database snag from .* \(taken \d{4}-/);

    const noiseReads: Record<string, number> = {};
    for (const { batch } of acknowledged) {
      noiseReads[`/api/v1/projects/${noise.id}/sessions/${batch.session.id}`] = batch.events.length;
    }
    const sourceExpected = expected;
    expected = { ...sourceExpected, ...Object.fromEntries(Object.keys(noiseReads).map((url) => [url, null])) };
    const read = await readRestored(restoredDir);
    expected = sourceExpected;
    for (const url of Object.keys(sourceExpected)) expect(read[url], url).toEqual(sourceExpected[url]);
    // Every batch acknowledged before the backup began is in it; one that arrived during
    // it is either whole (its session with every event) or absent, never half there.
    for (const { batch, before } of acknowledged) {
      const url = `/api/v1/projects/${noise.id}/sessions/${batch.session.id}`;
      const got = read[url] as { status: number; body: { session?: { events: number } } };
      if (before) expect(got.status, url).toBe(200);
      if (got.status === 200) expect(got.body.session?.events, url).toBe(batch.events.length);
      else expect(got.status, url).toBe(404);
    }
  });

  it('snag backup / restore with the server stopped; restore refuses a used folder without --force', {
    timeout: 120_000,
  }, async () => {
    await writer.close();
    await store.close();
    const backedUp = await snag(sourceDir, 'backup', offlineBackup);
    expect(backedUp.stdout).toMatch(/^backed up database snag \(schema \d+, 0 spool file\(s\)\) to /);
    await expect(snag(sourceDir, 'backup', offlineBackup)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not empty: back up into a new folder'),
    });
    await expect(snag(restoredDir, 'restore', offlineBackup)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/the data folder is not empty \(\d+ table\(s\) in database snag.*--force/),
    });
    await expect(snag(restoredDir, 'restore', path.dirname(offlineBackup))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not a Snag backup'),
    });
    await snag(restoredDir, 'restore', offlineBackup, '--force');
    const read = await readRestored(restoredDir);
    for (const url of Object.keys(expected)) expect(read[url], url).toEqual(expected[url]);
  });

  it('refuses a remote store, pointing at its own BACKUP', async () => {
    const remote = run(process.execPath, [CLI_PATH, 'backup', offlineBackup], {
      env: { PATH: process.env.PATH ?? '', CLICKHOUSE_URL: 'http://127.0.0.1:9' },
    });
    await expect(remote).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("remote ClickHouse server (CLICKHOUSE_URL): back it up with that server's own"),
    });
  });
});
