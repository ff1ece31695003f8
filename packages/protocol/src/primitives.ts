import { z } from 'zod';
import {
  MAX_ID_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_PROPERTIES,
  MAX_PROPERTY_VALUE_LENGTH,
  MAX_TIMESTAMP_MS,
  MAX_URL_LENGTH,
  MIN_TIMESTAMP_MS,
} from './limits.js';

/** Client-generated identifier: 1–64 URL-safe characters (a UUID, a nanoid, …). */
export const idSchema = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "_" and "-"');

/** Milliseconds since the Unix epoch, as measured by the client. */
export const timestampSchema = z.number().int().min(MIN_TIMESTAMP_MS).max(MAX_TIMESTAMP_MS);

/** An absolute http(s) URL. SDKs drop the query string unless allow-listed. */
export const urlSchema = z
  .string()
  .max(MAX_URL_LENGTH)
  .regex(/^https?:\/\/[^\s]+$/i, 'must be an absolute http(s) URL');

export const shortText = (max: number) => z.string().max(max);

/** Flat key → scalar map for custom properties and traits. Nesting is refused. */
export const propertiesSchema = z
  .record(
    z.string().min(1).max(MAX_LABEL_LENGTH),
    z.union([z.string().max(MAX_PROPERTY_VALUE_LENGTH), z.number(), z.boolean(), z.null()]),
  )
  .refine((value) => Object.keys(value).length <= MAX_PROPERTIES, {
    message: `at most ${MAX_PROPERTIES} properties`,
  });

export type Properties = z.infer<typeof propertiesSchema>;
