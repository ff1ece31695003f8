import { expect, test } from 'vitest';
import { loadMigrations, migrationChecksum } from '../../src/store/migrate.js';
import { expandMigrationMacros } from '../../src/store/migration-macros.js';

/**
 * SHA-256 of each migration file as shipped before migrations could take SQL from the code
 * (`{{session_facts_sql}}`): what every store migrated until then holds in schema_migrations.
 * The text loaded now must hash the same, or those stores would refuse to start.
 */
const SHIPPED_CHECKSUMS: Record<string, string> = {
  '0001_init': 'f773f5f3c9f3475f96702b6c5b738dd3a366e5d79101bfc3358c59570abb70c9',
  '0002_page_views': 'd864617d608f9c431f0a0d5e5b3363802936ae932509e1df2472d771fda307fc',
  '0003_key_events': '4868ab4f5dc2bc3614c9b7eae9ca624919c2338e0565247aa7a54fa32256dedb',
  '0004_access': '6592c173f3fe4ff30e582abbd18eacaf7e5ea4055eb805068b6b48562e64ced7',
  '0005_journey_signals': '138757b45744fd53a70105fd059df740040fee69fb729d509e793a9a9d6ac90d',
  '0006_session_facts': '697a263884d0bce4a6be147c66df88206bfcbf448db2637d11bd43f47fd7a55a',
  '0007_share_links': 'd9d3c851276a8ead49cabb059514f64d54de76f3348250f00dd53272928bc7a0',
  '0008_erased_sessions': 'a4832a8f3bc194b3872ca3b6ec4e1b16aa162ed1e4cd8dfb1f0c0ed75b80535c',
};

test('migrations shipped before macros load with the checksums their stores recorded', () => {
  const loaded = loadMigrations().filter((migration) => migration.name in SHIPPED_CHECKSUMS);
  expect(loaded.map((migration) => migration.name)).toEqual(Object.keys(SHIPPED_CHECKSUMS));
  for (const migration of loaded) {
    expect(migrationChecksum(migration), migration.name).toBe(SHIPPED_CHECKSUMS[migration.name]);
  }
});

test('an unknown macro is an error, not SQL sent to ClickHouse', () => {
  expect(() => expandMigrationMacros('SELECT * FROM ({{no_such_sql}})')).toThrow(
    'unknown migration macro {{no_such_sql}}',
  );
  expect(expandMigrationMacros('CREATE TABLE {{table:events}} {{on_cluster}}')).toBe(
    'CREATE TABLE {{table:events}} {{on_cluster}}',
  );
});
