import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Store } from '../store/client.js';
import { migrate } from '../store/migrate.js';
import { BackupError } from './backup-error.js';
import { type BackupManifest, CLICKHOUSE_SUBDIR, readManifest, SPOOL_SUBDIR } from './backup-manifest.js';
import { restoreDatabaseSql } from './backup-sql.js';
import { countTables, listFiles, requireEmbeddedStore } from './store-folder.js';

export interface RestoreOptions {
  /** Replace a data folder that already holds a store or a spool. */
  force: boolean;
  spoolDir: string;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations newer than the backup, applied after restoring it. */
  applied: string[];
}

/**
 * Restores a backup made by `createBackup` into the configured data folder, which must
 * be fresh unless `force` (then its database and spool are dropped first), and applies
 * any migration newer than the backup. The store must have been opened with `backupsDir`
 * at or above `folder`.
 */
export async function restoreBackup(store: Store, folder: string, options: RestoreOptions): Promise<RestoreResult> {
  requireEmbeddedStore(store);
  const source = path.resolve(folder);
  const manifest = await readManifest(source);
  const tables = await countTables(store);
  const spooled = await listFiles(options.spoolDir);
  if ((tables > 0 || spooled.length > 0) && !options.force) {
    throw new BackupError(
      `the data folder is not empty (${tables} table(s) in database ${store.database}, ${spooled.length} spool file(s)): restore into a fresh SNAG_DATA_DIR, or pass --force to replace what is there`,
    );
  }
  if (tables > 0) await store.command('DROP DATABASE IF EXISTS {db:Identifier} SYNC');
  if (spooled.length > 0) await rm(options.spoolDir, { recursive: true, force: true });
  await store.command(restoreDatabaseSql(manifest.database, store.database, path.join(source, CLICKHOUSE_SUBDIR)));
  const { applied } = await migrate(store);
  if (manifest.spool_files > 0) await cp(path.join(source, SPOOL_SUBDIR), options.spoolDir, { recursive: true });
  return { manifest, applied };
}
