import { ROLES } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { validate } from '../http/validate.js';
import { projectIdSchema } from '../projects/project-id.js';
import { findProject } from '../projects/store.js';
import type { Store } from '../store/client.js';
import { generateUserId } from './accept-invite.js';
import { principalOf } from './authenticate.js';
import { accountLocks } from './keyed-mutex.js';
import { checkPasswordStrength, hashPassword } from './passwords.js';
import { findUserByEmail, insertUser, upsertMembership } from './users-store.js';

const createBody = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().max(1_024),
  projects: z
    .array(z.strictObject({ project: projectIdSchema, role: z.enum(ROLES) }))
    .max(100)
    .default([]),
});

/**
 * `POST /users` with the admin token: creates an account directly (bootstrap and
 * automation); people otherwise join through invites.
 */
export function usersRouter(store: Store): Router {
  const router = Router();
  router.post('/users', async (req, res) => {
    if (principalOf(res).kind !== 'admin_token') {
      throw new HttpError(403, 'forbidden', 'accounts are created with the admin token, or by invite');
    }
    const body = validate(createBody, req.body ?? {}, 'invalid_user');
    checkPasswordStrength(body.password);
    for (const { project } of body.projects) {
      if (!(await findProject(store, project)))
        throw new HttpError(404, 'project_not_found', `no project "${project}"`);
    }
    const passwordHash = await hashPassword(body.password);
    // Check and insert under the email's lock: concurrent requests for one email make one user.
    const id = await accountLocks.run(`email:${body.email}`, async () => {
      if (await findUserByEmail(store, body.email)) {
        throw new HttpError(409, 'email_taken', 'an account with this email exists', { path: 'email' });
      }
      const created = generateUserId();
      await insertUser(store, { id: created, email: body.email, passwordHash });
      return created;
    });
    for (const { project, role } of body.projects) await upsertMembership(store, project, id, role);
    res.status(201).json({ id, email: body.email, projects: body.projects });
  });
  return router;
}
