import { Router } from 'express';
import { HttpError } from '../http/errors.js';
import { principalOf, SAFE_METHODS } from './authenticate.js';
import { canAccess, roleIn } from './principal.js';

/**
 * Guards everything under `/projects/:project`: reading needs any role in the project, anything
 * else needs admin or owner. A project the caller has no part in answers 404 —
 * the same as one that does not exist, so ids cannot be probed.
 */
export function requireProjectAccess(): Router {
  return Router().use('/projects/:project', (req, res, next) => {
    const project = String(req.params.project ?? '');
    const principal = principalOf(res);
    if (!roleIn(principal, project)) {
      throw new HttpError(404, 'project_not_found', `no project "${project}"`);
    }
    if (!canAccess(principal, project, SAFE_METHODS.has(req.method) ? 'read' : 'admin')) {
      throw new HttpError(403, 'forbidden', 'this needs the admin or owner role in the project');
    }
    next();
  });
}
