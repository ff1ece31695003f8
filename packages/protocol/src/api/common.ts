import { z } from 'zod';
import { DEVICE_CLASSES, ROLES, SIGNAL_KINDS } from '../enums.js';

/** Building blocks of the read API's response schemas (`/api/v1`). */

/** A time as the API writes it: ISO 8601 in UTC (`2026-03-01T10:00:00.000Z`). */
export const isoTimeSchema = z.iso.datetime();
/** A count of events, sessions, people… */
export const countSchema = z.number().int().min(0);
/** A share of a whole, 0–1, rounded to 4 decimals. */
export const shareSchema = z.number().min(0).max(1);
/** The keyset cursor of the next page, or `null` on the last one. */
export const nextCursorSchema = z.string().nullable();

export const signalKindSchema = z.enum(SIGNAL_KINDS);
export const deviceClassSchema = z.enum(DEVICE_CLASSES);
export const roleSchema = z.enum(ROLES);

/** Signals by kind; kinds with none are left out. */
export const signalCountsSchema = z.partialRecord(signalKindSchema, countSchema);
export type SignalCounts = z.infer<typeof signalCountsSchema>;

/** The fields every ranged read answer starts with: the project and the absolute range it covers. */
export const rangedFields = {
  project: z.string(),
  from: isoTimeSchema,
  to: isoTimeSchema,
};
