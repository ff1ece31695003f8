import type { ShareLink } from '@snag/protocol';
import { adminFingerprint } from '../auth/authenticate.js';
import { type Role, roleRank } from '../auth/principal.js';
import { hashSecret, secretsEqual } from '../auth/secrets.js';
import { findMembers } from '../auth/users-store.js';
import { HttpError } from '../http/errors.js';
import type { Store } from '../store/client.js';
import { parseDateTime } from '../store/datetime.js';
import { findShareLinkByHash, type ShareLinkRow } from './share-links-store.js';

/** `created_by` of links made with the admin token. */
export const ADMIN_TOKEN_CREATOR = 'admin_token';

/**
 * Who may keep a project's share links alive: its members who still have the admin or
 * owner role (an account that is removed, demoted or disabled is not among them), and
 * the current admin token. A link works only while its creator is one of them.
 */
export async function findLinkCreators(store: Store, project: string, adminToken: string) {
  const members = await findMembers(store, project);
  const admins = new Map(
    members
      .filter((member) => roleRank(member.role as Role) >= roleRank('admin'))
      .map((member) => [member.user_id, member.email]),
  );
  const fingerprint = adminFingerprint(adminToken);
  return {
    /** The creator's email when it is a user, `null` for the admin token; `undefined` when the link is dead. */
    emailOf(link: ShareLinkRow): string | null | undefined {
      if (link.created_by === ADMIN_TOKEN_CREATOR) {
        return link.admin_fingerprint && secretsEqual(link.admin_fingerprint, fingerprint) ? null : undefined;
      }
      return admins.get(link.created_by);
    },
  };
}

/** The link a public token opens, or the JSON error saying why it does not. */
export async function openShareLink(store: Store, adminToken: string, token: string): Promise<ShareLinkRow> {
  const link = await findShareLinkByHash(store, hashSecret(token));
  if (!link) throw new HttpError(404, 'share_link_not_found', 'this share link does not exist or was revoked');
  if (parseDateTime(link.expires_at) <= Date.now()) {
    throw new HttpError(403, 'share_link_expired', 'this share link has expired');
  }
  const creators = await findLinkCreators(store, link.project_id, adminToken);
  if (creators.emailOf(link) === undefined) {
    throw new HttpError(403, 'share_link_revoked', 'whoever shared this link can no longer share this project');
  }
  return link;
}

/** A link as the API lists it: never its secret or digest. */
export function describeShareLink(link: ShareLinkRow, createdByEmail: string | null): ShareLink {
  const iso = (text: string) => new Date(parseDateTime(text)).toISOString();
  return {
    id: link.id,
    created_by: link.created_by,
    created_by_email: createdByEmail,
    created_at: iso(link.created_at),
    expires_at: iso(link.expires_at),
    range: { from: iso(link.range_from), to: iso(link.range_to) },
    tz: link.tz,
  };
}
