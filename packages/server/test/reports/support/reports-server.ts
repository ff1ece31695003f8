import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import supertest from 'supertest';
import { createApp } from '../../../src/app.js';
import { insertProject } from '../../../src/projects/store.js';
import { openStore, type Store } from '../../../src/store/client.js';
import { migrate } from '../../../src/store/migrate.js';
import { BatchingWriter } from '../../../src/store/writer.js';

export const ADMIN_TOKEN = 'reports-test-admin-token-0123456789';

export interface ReportsServer {
  app: Express;
  store: Store;
  /** GET with the admin token. */
  get(url: string): supertest.Test;
  close(): Promise<void>;
}

/** A migrated embedded store in a fresh folder (one per test file: chDB binds one per process) and the app. */
export async function createReportsServer(projects: string[]): Promise<ReportsServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'snag-reports-'));
  const store = openStore({ kind: 'embedded', dataDir, database: 'snag', retentionDays: 3650 });
  await migrate(store);
  for (const id of projects) await insertProject(store, { id, name: id });
  const writer = new BatchingWriter(store);
  const app = createApp({ store, writer, adminToken: ADMIN_TOKEN });
  return {
    app,
    store,
    get: (url) => supertest(app).get(url).set('Authorization', `Bearer ${ADMIN_TOKEN}`),
    async close() {
      await writer.close();
      await store.close();
    },
  };
}
