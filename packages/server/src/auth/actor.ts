import type { Response } from 'express';
import { principalOf } from './authenticate.js';

/** Who made a change, for `created_by` / `updated_by`: the user's email, the API token, or the admin token. */
export function actorOf(res: Response): string {
  const principal = principalOf(res);
  if (principal.kind === 'user') return principal.email;
  if (principal.kind === 'api_token') return `token:${principal.id}`;
  return 'admin_token';
}
