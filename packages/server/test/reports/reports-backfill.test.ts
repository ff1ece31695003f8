import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp } from '../../src/app.js';
import { insertProject } from '../../src/projects/store.js';
import { openStore, type Store } from '../../src/store/client.js';
import { loadMigrations, migrate } from '../../src/store/migrate.js';
import { BatchingWriter } from '../../src/store/writer.js';
import { RANGE, seedAcme } from './support/acme-fixture.js';
import { ADMIN_TOKEN } from './support/reports-server.js';

let store: Store;
let writer: BatchingWriter;

/** Events stored before the report views existed: migrations 0002 and 0003 must backfill them. */
beforeAll(async () => {
  store = openStore({
    kind: 'embedded',
    dataDir: mkdtempSync(path.join(tmpdir(), 'snag-backfill-')),
    database: 'snag',
    retentionDays: 3650,
  });
  const migrations = loadMigrations();
  await migrate(store, migrations.slice(0, 1));
  await insertProject(store, { id: 'acme', name: 'acme' });
  await seedAcme(store);
  const result = await migrate(store, migrations);
  expect(result.applied).toEqual(expect.arrayContaining(['0002_page_views', '0003_key_events']));
  writer = new BatchingWriter(store);
});
afterAll(async () => {
  await writer.close();
  await store.close();
});

test('reports over backfilled views give the hand-computed figures', async () => {
  const app = createApp({ store, writer, adminToken: ADMIN_TOKEN });
  const get = (url: string) => supertest(app).get(url).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
  const hotspots = await get(`/api/v1/projects/acme/hotspots?${RANGE}`);
  expect(hotspots.body.hotspots.map((h: { kind: string; impact: number }) => [h.kind, h.impact])).toEqual([
    ['rage_click', 5],
    ['dead_end', 2],
    ['dead_click', 1],
  ]);
  const sessions = await get(`/api/v1/projects/acme/sessions?${RANGE}`);
  expect(sessions.body.sessions.map((s: { id: string }) => s.id)).toEqual(['s2', 's1', 's5', 's3', 's4']);
});
