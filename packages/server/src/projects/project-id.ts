import { z } from 'zod';

/** A project id as routes and bodies take it: lowercase letters, digits and dashes, up to 64. */
export const projectIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a project id');
