import path from 'node:path';
import { Router } from 'express';
import { requireAdminToken } from '../auth/admin-auth.js';
import { HttpError } from '../http/errors.js';
import type { Store } from '../store/client.js';
import { createBackup } from './create-backup.js';

/** `snag-2026-12-06T09-58-56-123Z`: sorts by time, safe on every file system. */
const backupName = (now: Date) => `snag-${now.toISOString().replace(/[:.]/g, '-')}`;

/**
 * `POST /api/v1/admin/backup` (admin token): the running server backs its embedded
 * store up into `SNAG_DATA_DIR/backups/snag-<time>/` while it keeps ingesting, and
 * answers `201 { path, manifest }`. One backup at a time (`409 backup_running`).
 */
export function backupRouter(store: Store, adminToken: string): Router {
  const router = Router();
  let running = false;
  router.post('/api/v1/admin/backup', requireAdminToken(adminToken), async (_req, res) => {
    if (store.config.kind !== 'embedded') {
      throw new HttpError(
        409,
        'remote_store',
        "the store is a remote ClickHouse server: back it up with that server's own BACKUP (docs/deploy.md)",
      );
    }
    const { backupsDir } = store.config;
    if (!backupsDir)
      throw new HttpError(409, 'backups_not_configured', 'this store was opened without a backups folder');
    if (running) throw new HttpError(409, 'backup_running', 'a backup is already running; try again when it is done');
    running = true;
    try {
      const folder = path.join(backupsDir, backupName(new Date()));
      const manifest = await createBackup(store, folder, { online: true });
      res.status(201).json({ path: folder, manifest });
    } finally {
      running = false;
    }
  });
  return router;
}
