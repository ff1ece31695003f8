import { type Member, type MembersResponse, ROLES } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { validate } from '../http/validate.js';
import { projectIdSchema } from '../projects/project-id.js';
import { revokeShareLinksOf } from '../report/share-links-store.js';
import type { Store } from '../store/client.js';
import { formatDateTime, parseDateTime } from '../store/datetime.js';
import { principalOf } from './authenticate.js';
import { INVITE_TOKEN_PREFIX, INVITE_TTL_MS } from './constants.js';
import { closeInvite, findOpenInvites, insertInvite } from './invites-store.js';
import { canAccess, type Principal, type Role, roleIn, roleRank } from './principal.js';
import { requireAccessManager } from './project-access.js';
import { generateSecret, hashSecret } from './secrets.js';
import { findMembers, upsertMembership } from './users-store.js';

const memberParams = z.object({ project: projectIdSchema, user: z.string().regex(/^usr_[A-Za-z0-9_-]{1,32}$/) });
const inviteParams = z.object({ project: projectIdSchema, invite: z.string().regex(/^[0-9a-f]{64}$/) });
const inviteBody = z.strictObject({ email: z.string().trim().toLowerCase().email().max(254), role: z.enum(ROLES) });
const roleBody = z.strictObject({ role: z.enum(ROLES) });

/**
 * Project members and invites. Viewers may see who is in the project; admins invite
 * and remove viewers and admins; only owners grant, change or remove the owner role,
 * and a project always keeps at least one owner. Every change is for people signed in
 * (or the admin token): an API token cannot invite, promote or remove anyone.
 */
export function membersRouter(store: Store): Router {
  const router = Router();
  const manager = requireAccessManager();

  router.get('/projects/:project/members', async (req, res) => {
    const project = validate(projectIdSchema, req.params.project);
    const members = await findMembers(store, project);
    // Open invites are credentials in waiting: only those who may manage access see them.
    const canManage = canAccess(principalOf(res), project, 'manage_access');
    const invites = canManage ? await findOpenInvites(store, project) : [];
    res.json({
      project,
      members: members.map((member) => ({ user: member.user_id, email: member.email, role: member.role })),
      invites: invites.map((invite) => ({
        id: invite.token_hash,
        email: invite.email,
        role: invite.role,
        expires_at: new Date(parseDateTime(invite.expires_at)).toISOString(),
      })),
    } satisfies MembersResponse);
  });

  router.post('/projects/:project/invites', manager, async (req, res) => {
    const project = validate(projectIdSchema, req.params.project);
    const { email, role } = validate(inviteBody, req.body ?? {}, 'invalid_invite');
    const principal = principalOf(res);
    requireRoleToGrant(principal, project, role);
    const token = generateSecret(INVITE_TOKEN_PREFIX);
    const expiresAt = Date.now() + INVITE_TTL_MS;
    await insertInvite(store, {
      token_hash: hashSecret(token),
      project_id: project,
      email,
      role,
      invited_by: principal.kind === 'user' ? principal.id : principal.kind,
      expires_at: formatDateTime(expiresAt),
    });
    // The token travels in the URL fragment, which browsers never send to a server or its logs.
    res.status(201).json({
      id: hashSecret(token),
      email,
      role,
      token,
      accept_path: `/accept-invite#token=${token}`,
      expires_at: new Date(expiresAt).toISOString(),
    });
  });

  router.delete('/projects/:project/invites/:invite', manager, async (req, res) => {
    const { project, invite: id } = validate(inviteParams, req.params);
    const invite = (await findOpenInvites(store, project)).find((open) => open.token_hash === id);
    if (!invite) throw new HttpError(404, 'invite_not_found', 'no open invite with this id in the project');
    requireRoleToGrant(principalOf(res), project, invite.role);
    await closeInvite(store, invite);
    res.status(204).end();
  });

  router.patch('/projects/:project/members/:user', manager, async (req, res) => {
    const { project, user } = validate(memberParams, req.params);
    const { role } = validate(roleBody, req.body ?? {}, 'invalid_role');
    const members = await findMembers(store, project);
    const member = requireMember(members, user);
    requireRoleToGrant(principalOf(res), project, member.role === 'owner' ? 'owner' : role);
    if (member.role === 'owner' && role !== 'owner') requireAnotherOwner(members, user);
    await upsertMembership(store, project, user, role);
    // Share links die with their creator's right to share (they also stop opening meanwhile).
    if (roleRank(role) < roleRank('admin')) await revokeShareLinksOf(store, project, user);
    res.json({ user, email: member.email, role } satisfies Member);
  });

  router.delete('/projects/:project/members/:user', manager, async (req, res) => {
    const { project, user } = validate(memberParams, req.params);
    const members = await findMembers(store, project);
    const member = requireMember(members, user);
    requireRoleToGrant(principalOf(res), project, member.role);
    if (member.role === 'owner') requireAnotherOwner(members, user);
    await upsertMembership(store, project, user, null);
    await revokeShareLinksOf(store, project, user);
    res.status(204).end();
  });
  return router;
}

function requireRoleToGrant(principal: Principal, project: string, role: Role): void {
  if (role === 'owner' && roleIn(principal, project) !== 'owner') {
    throw new HttpError(403, 'forbidden', 'only an owner can grant, change or remove the owner role');
  }
}

function requireMember<T extends { user_id: string }>(members: T[], user: string): T {
  const member = members.find((candidate) => candidate.user_id === user);
  if (!member) throw new HttpError(404, 'member_not_found', 'this user is not a member of the project');
  return member;
}

function requireAnotherOwner(members: { user_id: string; role: Role }[], user: string): void {
  if (!members.some((member) => member.role === 'owner' && member.user_id !== user)) {
    throw new HttpError(409, 'last_owner', 'a project keeps at least one owner: make someone else owner first');
  }
}
