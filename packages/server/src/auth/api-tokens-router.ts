import { randomBytes } from 'node:crypto';
import { API_TOKEN_SCOPES, type ApiToken, type ApiTokensResponse, type CreatedApiToken } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { validate } from '../http/validate.js';
import { projectIdSchema } from '../projects/project-id.js';
import type { Store } from '../store/client.js';
import { parseDateTime } from '../store/datetime.js';
import { type ApiTokenRow, findApiTokens, insertApiToken, revokeApiToken } from './api-tokens-store.js';
import { principalOf } from './authenticate.js';
import { API_TOKEN_PREFIX } from './constants.js';
import { requireAccessManager } from './project-access.js';
import { generateSecret, hashSecret } from './secrets.js';

const tokenParams = z.object({ project: projectIdSchema, token: z.string().regex(/^tok_[A-Za-z0-9_-]{1,32}$/) });
const createBody = z.strictObject({ name: z.string().trim().min(1).max(128), scope: z.enum(API_TOKEN_SCOPES) });

/**
 * Per-project API tokens for automation: `read` reads the project's data, `admin`
 * may also change it. The secret is shown once, at creation; the store keeps its
 * digest. Tokens cannot mint or revoke tokens — a leaked one cannot entrench itself.
 */
export function apiTokensRouter(store: Store): Router {
  const router = Router();
  const manager = requireAccessManager();

  router.get('/projects/:project/tokens', manager, async (req, res) => {
    const project = validate(projectIdSchema, req.params.project);
    const tokens = await findApiTokens(store, project);
    const described = tokens.map((token) =>
      describeToken(token, new Date(parseDateTime(token.created_at)).toISOString()),
    );
    res.json({ project, tokens: described } satisfies ApiTokensResponse);
  });

  router.post('/projects/:project/tokens', manager, async (req, res) => {
    const project = validate(projectIdSchema, req.params.project);
    const { name, scope } = validate(createBody, req.body ?? {}, 'invalid_token');
    const principal = principalOf(res);
    const secret = generateSecret(API_TOKEN_PREFIX);
    const row = {
      id: `tok_${randomBytes(9).toString('base64url')}`,
      token_hash: hashSecret(secret),
      project_id: project,
      name,
      scope,
      created_by: principal.kind === 'user' ? principal.id : principal.kind,
    };
    await insertApiToken(store, row);
    res.status(201).json({ ...describeToken(row, new Date().toISOString()), token: secret } satisfies CreatedApiToken);
  });

  router.delete('/projects/:project/tokens/:token', manager, async (req, res) => {
    const { project, token: id } = validate(tokenParams, req.params);
    const token = (await findApiTokens(store, project)).find((candidate) => candidate.id === id);
    if (!token) throw new HttpError(404, 'token_not_found', 'no live API token with this id in the project');
    await revokeApiToken(store, token);
    res.status(204).end();
  });
  return router;
}

/** A token as the API shows it (never its secret or digest); `createdAt` is ISO 8601. */
function describeToken(
  token: Omit<ApiTokenRow, 'token_hash' | 'project_id' | 'created_at'>,
  createdAt: string,
): ApiToken {
  return { id: token.id, name: token.name, scope: token.scope, created_by: token.created_by, created_at: createdAt };
}
