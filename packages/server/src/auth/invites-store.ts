import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';
import type { Role } from './principal.js';

export interface InviteRow {
  token_hash: string;
  project_id: string;
  email: string;
  role: Role;
  invited_by: string;
  created_at: string;
  expires_at: string;
}

const COLUMNS = 'token_hash, project_id, email, role, invited_by, created_at, expires_at';

export async function insertInvite(store: Store, invite: Omit<InviteRow, 'created_at'>): Promise<void> {
  const now = formatDateTime(Date.now());
  await store.insert('invites', [{ ...invite, created_at: now, accepted: 0, updated_at: now }]);
}

/** An invite that can still be accepted. */
export async function findOpenInvite(store: Store, tokenHash: string): Promise<InviteRow | undefined> {
  const rows = await store.query<InviteRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.invites FINAL
     WHERE token_hash = {hash:String} AND accepted = 0 AND expires_at > now64(3) LIMIT 1`,
    { hash: tokenHash },
  );
  return rows[0];
}

export async function findOpenInvites(store: Store, projectId: string): Promise<InviteRow[]> {
  return store.query<InviteRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.invites FINAL
     WHERE project_id = {project:String} AND accepted = 0 AND expires_at > now64(3) ORDER BY created_at`,
    { project: projectId },
  );
}

/** Marks the invite used (accepted = 1) or withdrawn; either way it no longer opens. */
export async function closeInvite(store: Store, invite: InviteRow): Promise<void> {
  await store.insert('invites', [{ ...invite, accepted: 1, updated_at: formatDateTime(Date.now()) }]);
}
