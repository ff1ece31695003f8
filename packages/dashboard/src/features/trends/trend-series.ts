import type { ReleaseTrendsResponse, TrendBucket } from '@snag/protocol';
import type { ChartSeries } from '../../components/time-chart';
import { KIND_ORDER, SIGNAL_KINDS } from '../../lib/signal-kinds';

const RELEASE_COLORS = ['#4f46e5', '#dc2626', '#0d9488', '#d97706', '#9333ea', '#0891b2'];

export const bucketTimes = (buckets: TrendBucket[]) => buckets.map((bucket) => Date.parse(bucket.start) / 1_000);

export function sessionSeries(buckets: TrendBucket[]): ChartSeries[] {
  return [
    { label: 'Sessions', values: buckets.map((bucket) => bucket.sessions), color: '#c7d2fe', style: 'bars' },
    { label: 'Struggled', values: buckets.map((bucket) => bucket.struggle_share), color: '#dc2626', share: true },
  ];
}

/** One line per signal kind that occurred in the range. */
export function kindSeries(buckets: TrendBucket[]): ChartSeries[] {
  return KIND_ORDER.filter((kind) => buckets.some((bucket) => (bucket.signals[kind] ?? 0) > 0)).map((kind) => ({
    label: SIGNAL_KINDS[kind].label,
    values: buckets.map((bucket) => bucket.signals[kind] ?? 0),
    color: SIGNAL_KINDS[kind].color,
  }));
}

/** Struggle share per release, on the buckets of the first series (every series covers the same buckets). */
export function releaseSeries(trends: ReleaseTrendsResponse): { times: number[]; series: ChartSeries[] } {
  const all = trends.series;
  const times = bucketTimes(all[0]?.buckets ?? []);
  return {
    times,
    series: all.map((entry, index) => ({
      label: entry.release || '(no release)',
      values: entry.buckets.map((bucket) => bucket.struggle_share),
      color: RELEASE_COLORS[index % RELEASE_COLORS.length] ?? '#4f46e5',
      share: true,
    })),
  };
}
