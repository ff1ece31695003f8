import { z } from 'zod';

/** Who made a share link: a user id (`usr_…`), or `admin_token`. */
export const shareLinkCreatorSchema = z.string();

/** A report share link as `GET /api/v1/projects/:project/share-links` lists it: never its secret. */
export const shareLinkSchema = z.strictObject({
  id: z.string(),
  created_by: shareLinkCreatorSchema,
  /** The creator's email, when the creator is a user. */
  created_by_email: z.string().nullable(),
  created_at: z.string(),
  expires_at: z.string(),
  /** The report's absolute range (ISO 8601) and time zone, fixed when the link was made. */
  range: z.strictObject({ from: z.string(), to: z.string() }),
  tz: z.string(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

/** `GET /api/v1/projects/:project/share-links`: the links that still open, newest first. */
export const shareLinksResponseSchema = z.strictObject({
  project: z.string(),
  share_links: z.array(shareLinkSchema),
});
export type ShareLinksResponse = z.infer<typeof shareLinksResponseSchema>;

/** `POST /api/v1/projects/:project/share-links` → 201: the link, with its secret shown once. */
export const createdShareLinkSchema = shareLinkSchema.extend({
  token: z.string(),
  /** The public report: `/share/reports/<token>` (the dashboard opens it at `/shared/<token>`). */
  url: z.string(),
});
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;
