import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { Store } from '../store/client.js';
import { type BackupManifest, CLICKHOUSE_SUBDIR, SPOOL_SUBDIR, writeManifest } from './backup-manifest.js';
import { backupDatabaseSql } from './backup-sql.js';
import { createEmptyFolder, listFiles, requireEmbeddedStore } from './store-folder.js';

export interface BackupOptions {
  /** Taken by the running server while it ingests. */
  online: boolean;
  /** The spool to copy too (offline only: a running server renames and deletes its files). */
  spoolDir?: string;
}

/**
 * Backs the embedded store up into `folder` (new or empty): ClickHouse's own
 * `BACKUP DATABASE … TO File()`, which copies each table's immutable parts as of the
 * moment it reaches the table (consistent per table, safe during ingest), then the
 * spool if asked, then `snag-backup.json` last — a folder without it is not a backup.
 * The store must have been opened with `backupsDir` at or above `folder`.
 */
export async function createBackup(store: Store, folder: string, options: BackupOptions): Promise<BackupManifest> {
  requireEmbeddedStore(store);
  const target = path.resolve(folder);
  await createEmptyFolder(target);
  const rows = await store.query<{ version: number }>(
    'SELECT DISTINCT version FROM {db:Identifier}.schema_migrations ORDER BY version',
  );
  await store.command(backupDatabaseSql(store.database, path.join(target, CLICKHOUSE_SUBDIR)));
  let spoolFiles = 0;
  if (options.spoolDir) {
    const files = await listFiles(options.spoolDir);
    if (files.length > 0) await cp(options.spoolDir, path.join(target, SPOOL_SUBDIR), { recursive: true });
    spoolFiles = files.length;
  }
  const manifest: BackupManifest = {
    format: 1,
    created_at: new Date().toISOString(),
    database: store.database,
    migrations: rows.map((row) => Number(row.version)),
    online: options.online,
    spool_files: spoolFiles,
  };
  await writeManifest(target, manifest);
  return manifest;
}
