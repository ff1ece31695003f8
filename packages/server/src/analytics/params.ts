import { DEVICE_CLASSES, idSchema, SIGNAL_KINDS } from '@snag/protocol';
import { z } from 'zod';
import { projectIdSchema } from '../projects/project-id.js';
import { MAX_CURSOR_CHARS, MAX_LABEL_PARAM_CHARS, MAX_PATH_PARAM_CHARS } from './constants.js';
import { resolveRange, type TimeRange, timeValueSchema, timeZoneSchema } from './time-range.js';

export const projectParamsSchema = z.object({
  project: projectIdSchema,
});

/** A session id follows the wire format's id rule (`@snag/protocol`), the one the SDK writes by. */
export const sessionParamsSchema = projectParamsSchema.extend({ session: idSchema });

export const kindSchema = z.enum(SIGNAL_KINDS);
/** A path (`/orders/8812`) or a path pattern (`/orders/:id`); both select the pattern's pages. */
export const pathSchema = z.string().min(1).max(MAX_PATH_PARAM_CHARS).startsWith('/', 'must start with "/"');
export const labelSchema = z.string().min(1).max(MAX_LABEL_PARAM_CHARS);
export const deviceSchema = z.enum(DEVICE_CLASSES);
export const tzSchema = timeZoneSchema.default('UTC');
export const cursorSchema = z.string().min(1).max(MAX_CURSOR_CHARS);

export const limitSchema = (fallback: number, max: number) =>
  z.coerce.number().int('must be an integer').min(1).max(max).default(fallback);

export const rangeFields = { from: timeValueSchema.optional(), to: timeValueSchema.optional() };

/** Adds the resolved `range` to an object of query parameters, or a 400 on `from` when the range is bad. */
export function withRange<T extends { from?: string | undefined; to?: string | undefined }>(
  defaultSpanMs: number,
): (value: T, ctx: z.RefinementCtx<T>) => T & { range: TimeRange } {
  return (value, ctx) => {
    const range = resolveRange(value, defaultSpanMs);
    if (typeof range === 'string') {
      ctx.addIssue({ code: 'custom', path: ['from'], message: range });
      return z.NEVER;
    }
    return { ...value, range };
  };
}
