import { type RequestHandler, Router } from 'express';
import { HttpError } from '../http/errors.js';
import { principalOf, SAFE_METHODS } from './authenticate.js';
import { type Access, canAccess, type Principal, roleIn } from './principal.js';

/**
 * Guards everything under `/projects/:project`: reading needs any role in the project, anything
 * else needs admin or owner. A project the caller has no part in answers 404 —
 * the same as one that does not exist, so ids cannot be probed.
 */
export function requireProjectAccess(): Router {
  return Router().use('/projects/:project', (req, res, next) => {
    const project = String(req.params.project ?? '');
    const error = accessError(principalOf(res), project, SAFE_METHODS.has(req.method) ? 'read' : 'admin');
    if (error) throw error;
    next();
  });
}

/**
 * Route guard for managing access (members, invites, API tokens, share links): a signed-in
 * admin or owner, or the admin token. API tokens get `403 api_token_not_allowed`.
 */
export function requireAccessManager(): RequestHandler {
  return (req, res, next) => {
    const error = accessError(principalOf(res), String(req.params.project ?? ''), 'manage_access');
    if (error) throw error;
    next();
  };
}

/** Why the principal may not do this in the project, or undefined when it may. */
export function accessError(principal: Principal, project: string, access: Access): HttpError | undefined {
  if (!roleIn(principal, project)) return new HttpError(404, 'project_not_found', `no project "${project}"`);
  if (canAccess(principal, project, access)) return undefined;
  if (access === 'manage_access' && principal.kind === 'api_token') {
    return new HttpError(
      403,
      'api_token_not_allowed',
      'members, invites, API tokens and share links are managed by a signed-in admin or owner, not by API tokens',
    );
  }
  return new HttpError(403, 'forbidden', 'this needs the admin or owner role in the project');
}
