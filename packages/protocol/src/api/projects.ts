import { z } from 'zod';
import { countSchema, rangedFields, roleSchema, shareSchema } from './common.js';

/** A project the caller may open, with the caller's role in it (the admin token is owner everywhere). */
export const projectSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  created_at: z.string(),
  role: roleSchema,
});
export type Project = z.infer<typeof projectSchema>;

/** `GET /api/v1/projects`: the projects the caller may open. */
export const projectsResponseSchema = z.strictObject({ projects: z.array(projectSchema) });
export type ProjectsResponse = z.infer<typeof projectsResponseSchema>;

/** `GET /api/v1/projects/:project/keys`: the live public ingest keys (write-only, safe in page source). */
export const projectKeysSchema = z.strictObject({ project: z.string(), public_keys: z.array(z.string()) });
export type ProjectKeys = z.infer<typeof projectKeysSchema>;

/** A path pattern with its traffic and the share of its sessions that struggled there. */
export const pageRowSchema = z.strictObject({
  path: z.string(),
  views: countSchema,
  sessions: countSchema,
  struggling_sessions: countSchema,
  struggle_rate: shareSchema,
});
export type PageRow = z.infer<typeof pageRowSchema>;

/** `GET /api/v1/projects/:project/pages`: path patterns, most viewed first. */
export const pagesResponseSchema = z.strictObject({ ...rangedFields, pages: z.array(pageRowSchema) });
export type PagesResponse = z.infer<typeof pagesResponseSchema>;
