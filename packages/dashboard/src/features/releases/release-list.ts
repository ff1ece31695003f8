import type { ReleaseTrendsResponse } from '@snag/protocol';

/** Releases seen in the range, oldest first (by the first bucket with sessions of that release). */
export function releasesInOrder(trends: ReleaseTrendsResponse | undefined): string[] {
  const series = trends?.series ?? [];
  const firstSeen = (buckets: Array<{ sessions: number }>) => {
    const index = buckets.findIndex((bucket) => bucket.sessions > 0);
    return index === -1 ? Number.POSITIVE_INFINITY : index;
  };
  return series
    .filter((entry) => entry.release !== '')
    .map((entry) => ({ release: entry.release, first: firstSeen(entry.buckets) }))
    .sort((a, b) => a.first - b.first || a.release.localeCompare(b.release))
    .map((entry) => entry.release);
}
