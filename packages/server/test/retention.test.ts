import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/client.js';
import { migrate } from '../src/store/migrate.js';
import { applyRetention } from '../src/store/retention.js';
import { makeDataDir } from './helpers/test-store.js';

const dataDir = makeDataDir();
let store: Store;
beforeAll(async () => {
  store = openStore({ kind: 'embedded', dataDir, database: 'snag', retentionDays: 30 });
  await migrate(store);
});
afterAll(async () => {
  await store?.close();
});

async function ttlOf(table: string): Promise<string> {
  const rows = await store.query<{ ttl: string }>(
    `SELECT extract(create_table_query, 'TTL (.*?) SETTINGS') AS ttl FROM system.tables
     WHERE database = {db:String} AND name = {table:String}`,
    { table },
  );
  return rows[0]?.ttl ?? '';
}

describe('applyRetention', () => {
  it('creates tables with the configured TTL and changes it when the setting changes', async () => {
    expect(await ttlOf('events')).toContain('30');
    expect(await applyRetention(store)).toBe(false);

    const changed = { ...store, config: { ...store.config, retentionDays: 7 } };
    expect(await applyRetention(changed)).toBe(true);
    expect(await ttlOf('events')).toMatch(/toIntervalDay\(7\)|_CAST\(7/);
    for (const table of ['replay_chunks', 'page_views', 'key_events', 'session_activity', 'session_facts']) {
      expect(await ttlOf(table), table).toMatch(/toIntervalDay\(7\)|_CAST\(7/);
    }
    expect(await applyRetention(changed)).toBe(false);
  });
});
