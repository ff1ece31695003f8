import { randomBytes } from 'node:crypto';
import { HttpError } from '../http/errors.js';
import type { Store } from '../store/client.js';
import { closeInvite, findOpenInvite, type InviteRow } from './invites-store.js';
import { accountLocks } from './keyed-mutex.js';
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
 * A role already higher than the invited one is kept. Accepts of one invite, and
 * account creation for one email, run one at a time in this process, so however
 * many arrive together an invite makes at most one account.
 */
export async function acceptInvite(store: Store, token: string, password: string): Promise<AcceptResult> {
  const tokenHash = hashSecret(token);
  return accountLocks.run(`invite:${tokenHash}`, async () => {
    const invite = await findOpenInvite(store, tokenHash);
    if (!invite) {
      return {
        ok: false,
        error: new HttpError(404, 'invite_not_found', 'this invite does not exist, was used or expired'),
      };
    }
    return accountLocks.run(`email:${invite.email}`, () => joinProject(store, invite, password));
  });
}

async function joinProject(store: Store, invite: InviteRow, password: string): Promise<AcceptResult> {
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
