import { mkdir, readdir } from 'node:fs/promises';
import type { Store } from '../store/client.js';
import { BackupError } from './backup-error.js';

/** Backups and restores copy the embedded store's files; a remote server has its own BACKUP. */
export function requireEmbeddedStore(store: Store): void {
  if (store.config.kind !== 'embedded') {
    throw new BackupError(
      "the store is a remote ClickHouse server (CLICKHOUSE_URL): back it up with that server's own BACKUP / RESTORE (see docs/deploy.md), not with snag",
    );
  }
}

/** Files in a folder; none when it does not exist. */
export async function listFiles(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Creates a backup folder that nothing else is in (owner-only: it holds every recording). */
export async function createEmptyFolder(folder: string): Promise<void> {
  if ((await listFiles(folder)).length > 0) {
    throw new BackupError(`${folder} is not empty: back up into a new folder`);
  }
  await mkdir(folder, { recursive: true, mode: 0o700 });
}

/** Tables in the configured database: none in a fresh data folder. */
export async function countTables(store: Store): Promise<number> {
  const [row] = await store.query<{ n: number | string }>(
    'SELECT count() AS n FROM system.tables WHERE database = {db:String}',
  );
  return Number(row?.n ?? 0);
}
