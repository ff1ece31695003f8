import { z } from 'zod';
import { DAY_MS, HOUR_MS, MAX_RANGE_MS, MAX_TIME_ZONE_CHARS } from './constants.js';

const RELATIVE = /^-(\d{1,6})(m|h|d|w)$/;
const UNIT_MS = { m: HOUR_MS / 60, h: HOUR_MS, d: DAY_MS, w: 7 * DAY_MS } as const;
/** ISO 8601 date or date-time, with an optional offset (`2026-03-01`, `2026-03-01T10:00:00+02:00`). */
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Unix ms of `now`, an ISO 8601 timestamp, or a relative time such as `-7d`, `-12h`, `-30m`, `-2w`. */
export function parseTimeValue(value: string, now: number): number | undefined {
  if (value === 'now') return now;
  const relative = RELATIVE.exec(value);
  if (relative?.[1] && relative[2]) return now - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS];
  if (!ISO.test(value)) return undefined;
  // A date or date-time without an offset is read as UTC, whatever the server's zone.
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(value) && value.includes('T');
  const ms = Date.parse(hasOffset ? value : value.includes('T') ? `${value}Z` : `${value}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

export const timeValueSchema = z.string().refine((value) => parseTimeValue(value, Date.now()) !== undefined, {
  message: 'must be an ISO 8601 time (2026-03-01T10:00:00Z) or relative (-7d, -12h, -30m, -2w, now)',
});

export interface TimeRange {
  from: number;
  to: number;
}

/** Resolves `from` / `to` (defaults: `to` = now, `from` = `to` minus the default span). Throws a message on a bad range. */
export function resolveRange(
  input: { from?: string | undefined; to?: string | undefined },
  defaultSpanMs: number,
  now = Date.now(),
): TimeRange | string {
  const to = input.to === undefined ? now : (parseTimeValue(input.to, now) ?? Number.NaN);
  const from = input.from === undefined ? to - defaultSpanMs : (parseTimeValue(input.from, now) ?? Number.NaN);
  if (!(from < to)) return 'from must be before to';
  if (to - from > MAX_RANGE_MS) return `the range may span at most ${MAX_RANGE_MS / DAY_MS} days`;
  return { from, to };
}

/** An IANA time zone that the runtime (and so ClickHouse's tzdata) knows, e.g. `Europe/Paris`. */
export const timeZoneSchema = z
  .string()
  .max(MAX_TIME_ZONE_CHARS)
  .refine(isTimeZone, { message: 'must be an IANA time zone such as UTC or Europe/Paris' });

function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
