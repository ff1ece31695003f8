import { openOfflineStore } from '../backup/open-offline-store.js';
import { restoreBackup } from '../backup/restore-backup.js';
import type { Config } from '../config.js';

/**
 * `snag restore DIR [--force]`: restores a backup into the configured data folder,
 * which must be fresh unless `--force` replaces it; the server must be stopped.
 */
export async function restore(config: Config, folder: string | undefined, force: boolean): Promise<number> {
  if (!folder) {
    console.error('Usage: snag restore DIR [--force]');
    return 1;
  }
  const store = openOfflineStore(config.store, folder);
  try {
    const { manifest, applied } = await restoreBackup(store, folder, { force, spoolDir: config.spool.dir });
    const upgraded = applied.length ? `; applied newer migrations: ${applied.join(', ')}` : '';
    console.log(`restored database ${manifest.database} from ${folder} (taken ${manifest.created_at})${upgraded}`);
    return 0;
  } finally {
    await store.close();
  }
}
