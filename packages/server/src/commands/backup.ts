import { createBackup } from '../backup/create-backup.js';
import { openOfflineStore } from '../backup/open-offline-store.js';
import type { Config } from '../config.js';

/**
 * `snag backup DIR`: backs the embedded store (and any spooled batches) up into a new
 * or empty folder, while the server is stopped (chDB lets one process open a data
 * folder). A running server backs up through `POST /api/v1/admin/backup` instead.
 */
export async function backup(config: Config, folder: string | undefined): Promise<number> {
  if (!folder) {
    console.error('Usage: snag backup DIR');
    return 1;
  }
  const store = openOfflineStore(config.store, folder);
  try {
    const manifest = await createBackup(store, folder, { online: false, spoolDir: config.spool.dir });
    console.log(
      `backed up database ${manifest.database} (schema ${manifest.migrations.at(-1) ?? 0}, ${manifest.spool_files} spool file(s)) to ${folder}`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
