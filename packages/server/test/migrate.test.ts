import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sessionFactsSql } from '../src/analytics/session-facts-sql.js';
import { openStore, type Store } from '../src/store/client.js';
import { loadMigrations, MigrationChangedError, migrate } from '../src/store/migrate.js';
import { MIGRATION_MACROS } from '../src/store/migration-macros.js';
import { makeDataDir } from './helpers/test-store.js';

let store: Store;
let dataDir: string;

beforeAll(async () => {
  dataDir = makeDataDir();
  store = openStore({ kind: 'embedded', dataDir, database: 'snag', retentionDays: 30 });
  await migrate(store);
});

afterAll(async () => {
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a store whose applied migrations are unchanged starts: nothing to apply', async () => {
  const result = await migrate(store);
  expect(result).toEqual({ applied: [], alreadyApplied: loadMigrations().length });
});

test('a store migrated by the code before macros starts: it recorded the checksums of the same text', async () => {
  // What that code recorded: SHA-256 of each file as it was, 0006 with the view's query written out.
  const rows = await store.query<{ name: string; checksum: string }>(
    'SELECT name, checksum FROM {db:Identifier}.schema_migrations FINAL ORDER BY version',
  );
  const facts = rows.find((row) => row.name === '0006_session_facts');
  expect(facts?.checksum).toBe('697a263884d0bce4a6be147c66df88206bfcbf448db2637d11bd43f47fd7a55a');
  await expect(migrate(store)).resolves.toMatchObject({ applied: [] });
});

test('an applied migration whose text changed is refused, naming it and what to do instead', async () => {
  const edited = loadMigrations().map((migration) =>
    migration.name === '0003_key_events' ? { ...migration, sql: `${migration.sql}\n-- an edit\n` } : migration,
  );
  const refusal = migrate(store, edited);
  await expect(refusal).rejects.toBeInstanceOf(MigrationChangedError);
  await expect(refusal).rejects.toThrow(/migration 0003_key_events was changed after it was applied/);
  // The next number after the newest migration shipped.
  const next = String(Math.max(...loadMigrations().map((migration) => migration.version)) + 1).padStart(4, '0');
  await expect(refusal).rejects.toThrow(new RegExp(`make the change in a new migration, ${next}_`));
});

test('changing the session-fact rules behind {{session_facts_sql}} without a new migration is refused', async () => {
  const macros = {
    ...MIGRATION_MACROS,
    session_facts_sql: () =>
      sessionFactsSql('(project_id, session_id) IN settled', 'computed_at').replace('<= 60000', '<= 30000'),
  };
  await expect(migrate(store, loadMigrations(undefined, macros))).rejects.toThrow(
    /migration 0016_scroll_baseline was changed after it was applied/,
  );
});

test('a refused start applies nothing; the store still starts once the text is restored', async () => {
  const edited = loadMigrations().map((migration) =>
    migration.version === 1
      ? { ...migration, sql: migration.sql.replace('IF NOT EXISTS', 'IF  NOT EXISTS') }
      : migration,
  );
  await expect(migrate(store, edited)).rejects.toBeInstanceOf(MigrationChangedError);
  await expect(migrate(store)).resolves.toMatchObject({ applied: [] });
});
