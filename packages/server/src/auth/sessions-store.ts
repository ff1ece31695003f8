import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';

export interface SessionRow {
  user_id: string;
  admin_fingerprint: string;
  csrf_token: string;
}

export interface NewSession {
  idHash: string;
  userId: string;
  adminFingerprint: string;
  csrfToken: string;
  expiresAt: number;
}

export async function insertSession(store: Store, session: NewSession): Promise<void> {
  const now = formatDateTime(Date.now());
  await store.insert('auth_sessions', [
    {
      id_hash: session.idHash,
      user_id: session.userId,
      admin_fingerprint: session.adminFingerprint,
      csrf_token: session.csrfToken,
      created_at: now,
      expires_at: formatDateTime(session.expiresAt),
      revoked: 0,
      updated_at: now,
    },
  ]);
}

/** A live session: not revoked and not expired. */
export async function findSession(store: Store, idHash: string): Promise<SessionRow | undefined> {
  const rows = await store.query<SessionRow>(
    `SELECT user_id, admin_fingerprint, csrf_token FROM {db:Identifier}.auth_sessions FINAL
     WHERE id_hash = {id:String} AND revoked = 0 AND expires_at > now64(3) LIMIT 1`,
    { id: idHash },
  );
  return rows[0];
}

export async function revokeSession(store: Store, idHash: string, row: SessionRow): Promise<void> {
  const now = formatDateTime(Date.now());
  await store.insert('auth_sessions', [
    {
      id_hash: idHash,
      user_id: row.user_id,
      admin_fingerprint: row.admin_fingerprint,
      csrf_token: row.csrf_token,
      created_at: now,
      expires_at: now,
      revoked: 1,
      updated_at: now,
    },
  ]);
}
