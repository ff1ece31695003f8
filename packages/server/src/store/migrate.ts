import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './client.js';
import { formatDateTime } from './datetime.js';
import { expandMigrationMacros, MIGRATION_MACROS } from './migration-macros.js';
import { renderMigration } from './render-migration.js';

export interface Migration {
  version: number;
  name: string;
  /** The text as run and checksummed: the file with its `{{…_sql}}` macros expanded. */
  sql: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function loadMigrations(dir: string = resolveMigrationsDir(), macros = MIGRATION_MACROS): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: expandMigrationMacros(readFileSync(path.join(dir, file), 'utf8'), macros),
    }));
}

function resolveMigrationsDir(): string {
  // From src/store/ (tests, tsx) the folder is two levels up; from dist/ it is one.
  const candidates = [
    fileURLToPath(new URL('../../migrations/', import.meta.url)),
    fileURLToPath(new URL('../migrations/', import.meta.url)),
  ];
  for (const dir of candidates) {
    try {
      readdirSync(dir);
      return dir;
    } catch {}
  }
  throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
}

/**
 * A migration recorded in `schema_migrations` whose text is no longer the text that ran:
 * the store keeps the schema of the old text, so the server does not start on it.
 */
export class MigrationChangedError extends Error {
  constructor(
    readonly migration: string,
    readonly nextVersion: number,
  ) {
    const next = String(nextVersion).padStart(4, '0');
    super(
      `migration ${migration} was changed after it was applied to this store (its checksum no longer matches ` +
        `the one recorded when it ran), so Snag will not start on it: the store still has the schema of the old ` +
        `text. Applied migrations are never edited. Restore ${migration}.sql (and the code behind its {{…_sql}} ` +
        `macros) to what it was, and make the change in a new migration, ${next}_….sql.`,
    );
    this.name = 'MigrationChangedError';
  }
}

/** The checksum recorded for a migration: SHA-256 of its text as run (macros expanded). */
export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, in order, after
 * checking that each one recorded was not changed since it ran (MigrationChangedError).
 * Statements are idempotent (`IF NOT EXISTS`), so two servers starting at once
 * or a run interrupted half-way are both safe to repeat.
 */
export async function migrate(store: Store, migrations: Migration[] = loadMigrations()): Promise<MigrationResult> {
  const options = { database: store.database, cluster: store.cluster };
  const onCluster = store.cluster ? `ON CLUSTER \`${store.cluster}\`` : '';
  await store.command(`CREATE DATABASE IF NOT EXISTS {db:Identifier} ${onCluster}`);
  for (const statement of renderMigration(MIGRATIONS_TABLE_SQL, options)) {
    await store.command(statement);
  }

  const rows = await store.query<{ version: number; checksum: string }>(
    'SELECT version, checksum FROM {db:Identifier}.schema_migrations FINAL',
  );
  const recorded = new Map(rows.map((row) => [Number(row.version), row.checksum]));
  const done = new Set(recorded.keys());
  const nextVersion = Math.max(0, ...migrations.map((migration) => migration.version), ...done) + 1;
  for (const migration of migrations) {
    const checksum = recorded.get(migration.version);
    if (checksum && checksum !== migrationChecksum(migration)) {
      throw new MigrationChangedError(migration.name, nextVersion);
    }
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    for (const statement of renderMigration(migration.sql, options)) {
      await store.command(statement, { retention_days: store.config.retentionDays });
    }
    await store.insert('schema_migrations', [
      {
        version: migration.version,
        name: migration.name,
        checksum: migrationChecksum(migration),
        applied_at: formatDateTime(Date.now()),
      },
    ]);
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: done.size };
}

const MIGRATIONS_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:schema_migrations}} {{on_cluster}}
(
    version UInt32,
    name String,
    checksum String,
    applied_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(applied_at)}}
ORDER BY version;
-- distributed: schema_migrations BY version
`;
