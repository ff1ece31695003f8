import { findStoredAdminToken } from '../auth/bootstrap.js';
import type { Config } from '../config.js';
import { openStore, type Store } from '../store/client.js';
import { isFolderInUse } from '../store/folder-in-use.js';

/**
 * `snag admin-token`: prints the admin token `snag serve` uses — `SNAG_ADMIN_TOKEN`
 * when set, otherwise the one generated on the first start and kept in the store.
 * With the embedded store, run it while the server is stopped (one process per data folder).
 */
export async function printAdminToken(config: Config): Promise<number> {
  if (config.adminToken) {
    console.log(config.adminToken);
    return 0;
  }
  let store: Store;
  try {
    store = openStore(config.store);
  } catch (error) {
    if (!isFolderInUse(error)) throw error;
    console.error('the data folder is in use by another process (is `snag serve` running?): stop it first');
    return 1;
  }
  try {
    const token = await findStoredAdminToken(store);
    if (!token) {
      console.error('no admin token yet: `snag serve` generates one on its first start (or set SNAG_ADMIN_TOKEN)');
      return 1;
    }
    console.log(token);
    return 0;
  } finally {
    await store.close();
  }
}
