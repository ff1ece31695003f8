import type { FrictionReport } from '@snag/protocol';
import { roundRate } from '../analytics/constants.js';
import type { TimeRange } from '../analytics/time-range.js';
import { withExplanations } from '../explain/explain-hotspots.js';
import { findHotspots } from '../hotspots/find-hotspots.js';
import { toHotspotView } from '../hotspots/hotspot-view.js';
import type { Store } from '../store/client.js';
import { findTrends } from '../trends/find-trends.js';
import { REPORT_HOTSPOTS } from './constants.js';
import { findTotals } from './find-totals.js';

/** The friction report: totals, the top hotspots with their figures and replay links, and the daily trend. */
export async function buildReport(
  store: Store,
  project: string,
  query: { range: TimeRange; tz: string },
): Promise<FrictionReport> {
  const [totals, hotspots, trend] = await Promise.all([
    findTotals(store, project, query.range),
    findHotspots(store, project, { range: query.range }, { limit: REPORT_HOTSPOTS }),
    findTrends(store, project, { range: query.range, tz: query.tz, interval: 'day', byRelease: false }),
  ]);
  const explained = await withExplanations(
    store,
    project,
    hotspots.map((row) => toHotspotView(project, row)),
    { range: query.range },
  );
  const share = (part: number, whole: number) => (whole > 0 ? roundRate(part / whole) : 0);
  return {
    project,
    from: new Date(query.range.from).toISOString(),
    to: new Date(query.range.to).toISOString(),
    tz: query.tz,
    totals: { ...totals, struggle_share: share(totals.struggling_sessions, totals.sessions) },
    hotspots: explained.map((hotspot, index) => ({ rank: index + 1, ...hotspot })),
    trend: trend.map((row) => ({
      day: row.label.slice(0, 10),
      sessions: Number(row.sessions),
      struggling_sessions: Number(row.struggling_sessions),
      struggle_share: share(Number(row.struggling_sessions), Number(row.sessions)),
    })),
  };
}
