import { randomBytes } from 'node:crypto';
import { HttpError } from '../http/errors.js';
import type { Store } from '../store/client.js';
import { closeInvite, findOpenInvite } from './invites-store.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.js';
import { type Principal, type Role, roleRank } from './principal.js';
import { hashSecret } from './secrets.js';
import { findRolesOfUser, findUserByEmail, insertUser, upsertMembership } from './users-store.js';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;
export type AcceptResult = { ok: true; principal: UserPrincipal } | { ok: false; error: HttpError };

export function generateUserId(): string {
  return `usr_${randomBytes(9).toString('base64url')}`;
}

/**
 * Joins the invite's project with its role. A new email becomes an account with
 * this password; an existing account must prove itself with its own password.
 * A role already higher than the invited one is kept.
 */
export async function acceptInvite(store: Store, token: string, password: string): Promise<AcceptResult> {
  const invite = await findOpenInvite(store, hashSecret(token));
  if (!invite) {
    return {
      ok: false,
      error: new HttpError(404, 'invite_not_found', 'this invite does not exist, was used or expired'),
    };
  }
  let user = await findUserByEmail(store, invite.email);
  if (user) {
    if (!(await verifyPassword(user.password_hash, password))) {
      return { ok: false, error: new HttpError(401, 'invalid_credentials', 'wrong password for this account') };
    }
  } else {
    checkPasswordStrength(password);
    const created = { id: generateUserId(), email: invite.email, passwordHash: await hashPassword(password) };
    await insertUser(store, created);
    user = { id: created.id, email: created.email, password_hash: created.passwordHash, created_at: '' };
  }
  const roles = await findRolesOfUser(store, user.id);
  const current = roles.get(invite.project_id);
  const role: Role = current && roleRank(current) > roleRank(invite.role) ? current : invite.role;
  await upsertMembership(store, invite.project_id, user.id, role);
  await closeInvite(store, invite);
  roles.set(invite.project_id, role);
  return { ok: true, principal: { kind: 'user', id: user.id, email: user.email, roles } };
}
