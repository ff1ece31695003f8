import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { DEFAULT_PROJECT_ID, generatePublicKey } from '../projects/create-project.js';
import { findProject, findPublicKeys, insertProject, insertPublicKey } from '../projects/store.js';
import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';

export interface Credentials {
  adminToken: string;
  defaultProjectKey: string;
}

/**
 * Makes sure the default project, its public key and the admin token exist.
 * Configured values win (deployments and tests); otherwise generated ones are
 * kept in the store, so every server sharing it — and every restart — agrees.
 */
export async function ensureCredentials(store: Store, config: Config): Promise<Credentials> {
  const adminToken = config.adminToken ?? (await ensureStoredAdminToken(store));
  if (!(await findProject(store, DEFAULT_PROJECT_ID))) {
    await insertProject(store, { id: DEFAULT_PROJECT_ID, name: 'Default project' });
  }
  const keys = await findPublicKeys(store, DEFAULT_PROJECT_ID);
  let defaultProjectKey = config.defaultProjectKey ?? keys[0];
  if (!defaultProjectKey) defaultProjectKey = generatePublicKey();
  if (!keys.includes(defaultProjectKey)) await insertPublicKey(store, DEFAULT_PROJECT_ID, defaultProjectKey);
  return { adminToken, defaultProjectKey };
}

async function ensureStoredAdminToken(store: Store): Promise<string> {
  const rows = await store.query<{ value: string }>(
    "SELECT value FROM {db:Identifier}.instance_settings FINAL WHERE name = 'admin_token' LIMIT 1",
  );
  const stored = rows[0]?.value;
  if (stored) return stored;
  const token = `snag_admin_${randomBytes(24).toString('base64url')}`;
  await store.insert('instance_settings', [
    { name: 'admin_token', value: token, updated_at: formatDateTime(Date.now()) },
  ]);
  return token;
}
