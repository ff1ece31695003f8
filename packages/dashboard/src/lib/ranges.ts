/** Date-range presets: values the API accepts as `from` (relative to now). */
export const RANGE_PRESETS = [
  { value: '-24h', label: 'Last 24 hours' },
  { value: '-7d', label: 'Last 7 days' },
  { value: '-14d', label: 'Last 14 days' },
  { value: '-30d', label: 'Last 30 days' },
  { value: '-90d', label: 'Last 90 days' },
] as const;

export const DEFAULT_RANGE = '-7d';
export const DEFAULT_COMPARE_RANGE = '-90d';

/** Hourly buckets for ranges of a few days, daily ones beyond. */
export function intervalFor(from: string): 'hour' | 'day' {
  return from === '-24h' ? 'hour' : 'day';
}
