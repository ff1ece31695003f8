import { z } from 'zod';
import { API_TOKEN_SCOPES } from '../enums.js';
import { isoTimeSchema, roleSchema } from './common.js';

/** Who is calling, as the API shows it: never a secret. */
export const principalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('admin_token') }),
  z.strictObject({
    kind: z.literal('api_token'),
    id: z.string(),
    project: z.string(),
    scope: z.enum(API_TOKEN_SCOPES),
  }),
  z.strictObject({
    kind: z.literal('user'),
    id: z.string(),
    email: z.string(),
    projects: z.array(z.strictObject({ project: z.string(), role: roleSchema })),
  }),
]);
export type Principal = z.infer<typeof principalSchema>;

/**
 * `GET /api/v1/auth/session`: who is calling, and the CSRF token to send with changes
 * (`null` without a cookie session, e.g. with a bearer token).
 */
export const authSessionSchema = z.strictObject({ principal: principalSchema, csrf_token: z.string().nullable() });
export type AuthSession = z.infer<typeof authSessionSchema>;

/** `POST /api/v1/auth/login` and `POST /api/v1/auth/accept-invite`: a new cookie session and its CSRF token. */
export const signedInSchema = authSessionSchema.extend({ csrf_token: z.string() });
export type SignedIn = z.infer<typeof signedInSchema>;

export const memberSchema = z.strictObject({ user: z.string(), email: z.string(), role: roleSchema });
export type Member = z.infer<typeof memberSchema>;

/** An open invite; `id` is the digest of its secret (the secret is shown once, when it is made). */
export const inviteSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  expires_at: isoTimeSchema,
});
export type Invite = z.infer<typeof inviteSchema>;

/** `GET /api/v1/projects/:project/members`: members, and open invites for those who may manage access (else `[]`). */
export const membersResponseSchema = z.strictObject({
  project: z.string(),
  members: z.array(memberSchema),
  invites: z.array(inviteSchema),
});
export type MembersResponse = z.infer<typeof membersResponseSchema>;

/** A project API token, without its secret. */
export const apiTokenSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  scope: z.enum(API_TOKEN_SCOPES),
  /** A user id, or `admin_token`. */
  created_by: z.string(),
  created_at: isoTimeSchema,
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** `GET /api/v1/projects/:project/tokens`: the project's live API tokens. */
export const apiTokensResponseSchema = z.strictObject({ project: z.string(), tokens: z.array(apiTokenSchema) });
export type ApiTokensResponse = z.infer<typeof apiTokensResponseSchema>;

/** `POST /api/v1/projects/:project/tokens` → 201: the token, with its secret shown once. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
