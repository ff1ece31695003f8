import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';
import type { ApiTokenScope } from './principal.js';

export interface ApiTokenRow {
  id: string;
  token_hash: string;
  project_id: string;
  name: string;
  scope: ApiTokenScope;
  created_by: string;
  created_at: string;
}

const COLUMNS = 'id, token_hash, project_id, name, scope, created_by, created_at';

export async function insertApiToken(store: Store, token: Omit<ApiTokenRow, 'created_at'>): Promise<void> {
  const now = formatDateTime(Date.now());
  await store.insert('api_tokens', [{ ...token, created_at: now, revoked: 0, updated_at: now }]);
}

export async function findApiTokenByHash(store: Store, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const rows = await store.query<ApiTokenRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.api_tokens FINAL
     WHERE token_hash = {hash:String} AND revoked = 0 LIMIT 1`,
    { hash: tokenHash },
  );
  return rows[0];
}

export async function findApiTokens(store: Store, projectId: string): Promise<ApiTokenRow[]> {
  return store.query<ApiTokenRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.api_tokens FINAL
     WHERE project_id = {project:String} AND revoked = 0 ORDER BY created_at, id`,
    { project: projectId },
  );
}

export async function revokeApiToken(store: Store, token: ApiTokenRow): Promise<void> {
  await store.insert('api_tokens', [{ ...token, revoked: 1, updated_at: formatDateTime(Date.now()) }]);
}
