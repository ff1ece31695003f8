import type { Principal } from '@snag/protocol';

/**
 * Whether the signed-in principal may manage access to the project (members, invites,
 * API tokens, share links): the admin token, or a user with the admin or owner role
 * there. It only decides what to show; the server checks every request.
 */
export function canManageAccess(principal: Principal | null | undefined, project: string): boolean {
  if (!principal) return false;
  if (principal.kind === 'admin_token') return true;
  if (principal.kind !== 'user') return false;
  const role = principal.projects.find((membership) => membership.project === project)?.role;
  return role === 'admin' || role === 'owner';
}
