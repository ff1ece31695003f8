import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../src/app.js';
import { AssetKeeper, type AssetKeeperOptions } from '../../src/assets/asset-keeper.js';
import { ensureCredentials } from '../../src/auth/bootstrap.js';
import type { Config } from '../../src/config.js';
import { EMPTY_ALLOW_LIST } from '../../src/net/allow-list.js';
import { openStore, type Store } from '../../src/store/client.js';
import { migrate } from '../../src/store/migrate.js';
import { BatchingWriter, type WriterOptions } from '../../src/store/writer.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const PUBLIC_KEY = 'pk_test_default_key';

export interface TestServer {
  app: Express;
  store: Store;
  writer: BatchingWriter;
  dataDir: string;
  /** Present when asked for with `options.assets`. */
  assets?: AssetKeeper;
  close(): Promise<void>;
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'snag-test-'));
}

/**
 * A migrated embedded store in a fresh folder and the app on top of it. Each test
 * file runs in its own process, so each gets its own chDB data directory.
 */
export async function createTestServer(
  options: {
    dataDir?: string;
    writer?: WriterOptions;
    database?: string;
    assets?: Omit<AssetKeeperOptions, 'store'>;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir();
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    store: { kind: 'embedded', dataDir, database: options.database ?? 'snag', retentionDays: 3650 },
    spool: {
      dir: path.join(dataDir, 'spool'),
      maxBytes: 64 * 1024 * 1024,
      deadLetterDir: path.join(dataDir, 'dead-letters'),
    },
    disk: { dir: dataDir, minFreeBytes: 0 },
    rateLimits: { keyEventsPerSecond: 0, ipRequestsPerSecond: 0 },
    scrub: true,
    logLevel: 'silent',
    trustProxy: 0,
    alertsIntervalMs: 300_000,
    adminToken: ADMIN_TOKEN,
    defaultProjectKey: PUBLIC_KEY,
    outbound: { allow: EMPTY_ALLOW_LIST },
    assets: { maxProjectBytes: 0 },
  };
  const store = openStore(config.store);
  await migrate(store);
  await ensureCredentials(store, config);
  const writer = new BatchingWriter(store, { flushIntervalMs: 10, ...options.writer });
  const assets = options.assets ? new AssetKeeper({ ...options.assets, store }) : undefined;
  const app = createApp({ store, writer, adminToken: ADMIN_TOKEN, assets });
  return {
    app,
    store,
    writer,
    dataDir,
    assets,
    async close() {
      await assets?.close();
      await writer.close();
      await store.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
