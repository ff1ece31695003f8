import { type Principal as ApiPrincipal, type ApiTokenScope, ROLES, type Role } from '@snag/protocol';

/** The roles and token scopes are the protocol's; re-exported for the many auth files that name them. */
export type { ApiTokenScope, Role };

/**
 * What a request is allowed to do in one project: read its data, change it, or manage who
 * can get in (members, invites, API tokens, share links). Managing access needs a person
 * signed in with the admin or owner role, or the admin token — never an API token, so a
 * leaked token cannot mint itself a way back in.
 */
export type Access = 'read' | 'admin' | 'manage_access';

/** Who is calling the API. */
export type Principal =
  /** The instance's admin token (bootstrap and automation): every project, every action. */
  | { kind: 'admin_token' }
  /** A dashboard account: what its project memberships allow. */
  | { kind: 'user'; id: string; email: string; roles: ReadonlyMap<string, Role> }
  /** A per-project API token: its one project, read-only or admin. */
  | { kind: 'api_token'; id: string; projectId: string; scope: ApiTokenScope };

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** The principal's role in a project, if any; the admin token counts as owner everywhere. */
export function roleIn(principal: Principal, projectId: string): Role | undefined {
  if (principal.kind === 'admin_token') return 'owner';
  if (principal.kind === 'user') return principal.roles.get(projectId);
  if (principal.projectId !== projectId) return undefined;
  return principal.scope === 'admin' ? 'admin' : 'viewer';
}

export function canAccess(principal: Principal, projectId: string, access: Access): boolean {
  const role = roleIn(principal, projectId);
  if (!role) return false;
  if (access === 'read') return true;
  if (access === 'manage_access' && principal.kind === 'api_token') return false;
  return roleRank(role) >= roleRank('admin');
}

/** The principal as the API shows it: never a secret. */
export function describePrincipal(principal: Principal): ApiPrincipal {
  if (principal.kind === 'admin_token') return { kind: 'admin_token' };
  if (principal.kind === 'api_token') {
    return { kind: 'api_token', id: principal.id, project: principal.projectId, scope: principal.scope };
  }
  return {
    kind: 'user',
    id: principal.id,
    email: principal.email,
    projects: [...principal.roles].map(([project, role]) => ({ project, role })),
  };
}
