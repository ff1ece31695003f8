import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';

export interface ShareLinkRow {
  id: string;
  token_hash: string;
  project_id: string;
  /** A user id, or `admin_token`. */
  created_by: string;
  /** For links made with the admin token: which admin token (they end when it changes). */
  admin_fingerprint: string;
  range_from: string;
  range_to: string;
  tz: string;
  created_at: string;
  expires_at: string;
}

const COLUMNS =
  'id, token_hash, project_id, created_by, admin_fingerprint, range_from, range_to, tz, created_at, expires_at';

export async function insertShareLink(store: Store, link: ShareLinkRow): Promise<void> {
  await store.insert('share_links', [{ ...link, revoked: 0, updated_at: link.created_at }]);
}

/** A link that is not revoked (it may have expired: the caller says so). */
export async function findShareLinkByHash(store: Store, tokenHash: string): Promise<ShareLinkRow | undefined> {
  const rows = await store.query<ShareLinkRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.share_links FINAL
     WHERE token_hash = {hash:String} AND revoked = 0 LIMIT 1`,
    { hash: tokenHash },
  );
  return rows[0];
}

/** The project's links that are neither revoked nor expired, newest first. */
export async function findLiveShareLinks(store: Store, projectId: string): Promise<ShareLinkRow[]> {
  return store.query<ShareLinkRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.share_links FINAL
     WHERE project_id = {project:String} AND revoked = 0 AND expires_at > now64(3)
     ORDER BY created_at DESC, id`,
    { project: projectId },
  );
}

export async function revokeShareLink(store: Store, link: ShareLinkRow): Promise<void> {
  await store.insert('share_links', [{ ...link, revoked: 1, updated_at: formatDateTime(Date.now()) }]);
}

/** Revokes for good every live link the user made in the project (they lost the right to share it). */
export async function revokeShareLinksOf(store: Store, projectId: string, userId: string): Promise<void> {
  const links = (await findLiveShareLinks(store, projectId)).filter((link) => link.created_by === userId);
  if (links.length === 0) return;
  const now = formatDateTime(Date.now());
  await store.insert(
    'share_links',
    links.map((link) => ({ ...link, revoked: 1, updated_at: now })),
  );
}
