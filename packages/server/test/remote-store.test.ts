import { rmSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { ensureCredentials } from '../src/auth/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { openStore, type Store } from '../src/store/client.js';
import { migrate } from '../src/store/migrate.js';
import { BatchingWriter } from '../src/store/writer.js';
import { makeBatch } from './helpers/batches.js';
import { type ChdbHttpProcess, startChdbHttp } from './helpers/chdb-http-process.js';
import { ADMIN_TOKEN, makeDataDir, PUBLIC_KEY } from './helpers/test-store.js';

/**
 * The remote-store path over real HTTP: against the server in CLICKHOUSE_URL when
 * set, otherwise against ClickHouse served by chDB in a child process.
 */
const configuredUrl = process.env.CLICKHOUSE_URL;
let served: { process: ChdbHttpProcess; dir: string } | undefined;

describe(`remote ClickHouse store (${configuredUrl ? new URL(configuredUrl).host : 'chDB over HTTP'})`, () => {
  let store: Store | undefined;
  let url = configuredUrl ?? '';
  beforeAll(async () => {
    if (configuredUrl) return;
    const dir = makeDataDir();
    served = { process: await startChdbHttp(dir), dir };
    url = served.process.url;
  });
  afterAll(async () => {
    await store?.command('DROP DATABASE IF EXISTS {db:Identifier}');
    await store?.close();
    await served?.process.kill();
    if (served) rmSync(served.dir, { recursive: true, force: true });
  });

  it('runs the same migrations, ingest and session reads as the embedded store', async () => {
    const config = loadConfig({
      ...process.env,
      CLICKHOUSE_URL: url,
      CLICKHOUSE_DATABASE: `snag_test_${Date.now()}`,
      SNAG_ADMIN_TOKEN: ADMIN_TOKEN,
      SNAG_DEFAULT_PROJECT_KEY: PUBLIC_KEY,
    });
    expect(config.store.kind).toBe('remote');
    store = openStore(config.store);
    expect((await migrate(store)).applied).toContain('0001_init');
    expect((await migrate(store)).applied).toEqual([]);
    await ensureCredentials(store, config);
    const writer = new BatchingWriter(store);
    const app = createApp({ store, writer, adminToken: ADMIN_TOKEN });
    const batch = makeBatch();
    await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    const res = await request(app)
      .get(`/api/v1/projects/default/sessions/${batch.session.id}`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    expect(res.body.session.events).toBe(batch.events.length);
    await writer.close();
  });
});
