import type { StoreConfig } from '../config.js';
import { openStore, type Store } from '../store/client.js';
import { isFolderInUse } from '../store/folder-in-use.js';
import { BackupError } from './backup-error.js';

/**
 * Opens the embedded store for `snag backup` / `snag restore`, letting BACKUP and
 * RESTORE use `folder`. chDB locks a data folder for one process: when `snag serve`
 * holds it, say so and name the online way instead.
 */
export function openOfflineStore(config: StoreConfig, folder: string): Store {
  if (config.kind !== 'embedded') {
    throw new BackupError(
      "the store is a remote ClickHouse server (CLICKHOUSE_URL): back it up with that server's own BACKUP / RESTORE (see docs/deploy.md), not with snag",
    );
  }
  try {
    return openStore({ ...config, backupsDir: folder });
  } catch (error) {
    if (isFolderInUse(error)) {
      throw new BackupError(
        `the data folder ${config.dataDir} is in use by another process (is \`snag serve\` running?): stop it first, or ask the running server for a backup with POST /api/v1/admin/backup (docs/deploy.md)`,
      );
    }
    throw error;
  }
}
