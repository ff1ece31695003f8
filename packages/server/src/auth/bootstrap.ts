import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { DEFAULT_PROJECT_ID, generatePublicKey } from '../projects/create-project.js';
import { findProject, findPublicKeys, insertProject, insertPublicKey } from '../projects/store.js';
import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';

/** Where the admin token came from: `SNAG_ADMIN_TOKEN`, the store, or generated (and stored) on this start. */
export type AdminTokenSource = 'environment' | 'stored' | 'generated';

export interface Credentials {
  adminToken: string;
  adminTokenSource: AdminTokenSource;
  defaultProjectKey: string;
}

/**
 * Makes sure the default project, its public key and the admin token exist.
 * Configured values win (deployments and tests); otherwise generated ones are
 * kept in the store, so every server sharing it — and every restart — agrees.
 */
export async function ensureCredentials(store: Store, config: Config): Promise<Credentials> {
  const { adminToken, adminTokenSource } = config.adminToken
    ? { adminToken: config.adminToken, adminTokenSource: 'environment' as const }
    : await ensureStoredAdminToken(store);
  if (!(await findProject(store, DEFAULT_PROJECT_ID))) {
    await insertProject(store, { id: DEFAULT_PROJECT_ID, name: 'Default project' });
  }
  const keys = await findPublicKeys(store, DEFAULT_PROJECT_ID);
  let defaultProjectKey = config.defaultProjectKey ?? keys[0];
  if (!defaultProjectKey) defaultProjectKey = generatePublicKey();
  if (!keys.includes(defaultProjectKey)) await insertPublicKey(store, DEFAULT_PROJECT_ID, defaultProjectKey);
  return { adminToken, adminTokenSource, defaultProjectKey };
}

/** The generated admin token kept in the store, if there is one (`snag admin-token`). */
export async function findStoredAdminToken(store: Store): Promise<string | undefined> {
  const [table] = await store.query<{ n: number }>(
    "SELECT count() AS n FROM system.tables WHERE database = {db:String} AND name = 'instance_settings'",
  );
  if (!Number(table?.n)) return undefined;
  const rows = await store.query<{ value: string }>(
    "SELECT value FROM {db:Identifier}.instance_settings FINAL WHERE name = 'admin_token' LIMIT 1",
  );
  return rows[0]?.value || undefined;
}

async function ensureStoredAdminToken(
  store: Store,
): Promise<{ adminToken: string; adminTokenSource: 'stored' | 'generated' }> {
  const stored = await findStoredAdminToken(store);
  if (stored) return { adminToken: stored, adminTokenSource: 'stored' };
  const token = `snag_admin_${randomBytes(24).toString('base64url')}`;
  await store.insert('instance_settings', [
    { name: 'admin_token', value: token, updated_at: formatDateTime(Date.now()) },
  ]);
  return { adminToken: token, adminTokenSource: 'generated' };
}
