import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './client.js';
import { formatDateTime } from './datetime.js';
import { renderMigration } from './render-migration.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function loadMigrations(dir: string = resolveMigrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(path.join(dir, file), 'utf8'),
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
 * Applies every migration not yet recorded in `schema_migrations`, in order.
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

  const rows = await store.query<{ version: number }>('SELECT version FROM {db:Identifier}.schema_migrations FINAL');
  const done = new Set(rows.map((row) => Number(row.version)));
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
        checksum: createHash('sha256').update(migration.sql).digest('hex'),
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
