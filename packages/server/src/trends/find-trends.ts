import { SIGNAL_KINDS, type SignalCounts, type SignalKind, type TrendInterval } from '@snag/protocol';
import { findLiveSessions, type LiveSessions } from '../analytics/find-live-sessions.js';
import { journeySignalsSql } from '../analytics/journey-signals-sql.js';
import {
  PATH_FILTER_SQL,
  type PresentFilters,
  presentFilters,
  READ_SETTINGS,
  when,
} from '../analytics/sql-fragments.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';

export interface TrendFilters {
  range: TimeRange;
  interval: TrendInterval;
  tz: string;
  kind?: SignalKind | undefined;
  path?: string | undefined;
  byRelease: boolean;
}

export interface TrendRow {
  release: string;
  start: number;
  label: string;
  sessions: number;
  struggling_sessions: number;
  signals: SignalCounts;
}

const BUCKET_SQL: Record<TrendInterval, { start: string; step: string }> = {
  hour: { start: 'toStartOfHour', step: 'toIntervalHour(1)' },
  day: { start: 'toStartOfDay', step: 'toIntervalDay(1)' },
};

const COUNTS_SQL = SIGNAL_KINDS.map(
  (kind) => `'${kind}', toUInt64(uniqExactIf(event_id, is_signal AND kind = '${kind}'))`,
).join(', ');

/**
 * Sessions count in the buckets where their page views start or their signals
 * happen. Buckets start at local midnight / the local hour in `tz`; empty buckets are
 * filled with zeros (per release when split), so a chart never skips a day.
 */
function trendsSql(interval: TrendInterval, byRelease: boolean, on: PresentFilters, live: LiveSessions): string {
  const { start, step } = BUCKET_SQL[interval];
  const release = byRelease ? 'release' : "''";
  return `
WITH
    fromUnixTimestamp64Milli({from:Int64}, 'UTC') AS range_from,
    fromUnixTimestamp64Milli({to:Int64}, 'UTC') AS range_to,
source AS (
    SELECT session_id, '' AS event_id, start AS time, false AS is_signal, '' AS kind, release, path_pattern, path
    FROM {db:Identifier}.page_views
    WHERE project_id = {project:String} AND viewed = 1 AND start >= range_from AND start < range_to
    UNION ALL
    SELECT session_id, event_id, time, true AS is_signal, toString(signal_kind) AS kind, toString(release) AS release,
           toString(path_pattern) AS path_pattern, path
    FROM {db:Identifier}.key_events
    WHERE project_id = {project:String} AND type = 'signal' AND time >= range_from AND time < range_to
    UNION ALL
    SELECT session_id, event_id, time, true AS is_signal, kind, release, path_pattern, path
    FROM (${journeySignalsSql('range_from', 'range_to', live)})
    WHERE time >= range_from AND time < range_to
)
SELECT release, toUnixTimestamp(bucket) * 1000 AS start, formatDateTime(bucket, '%Y-%m-%dT%H:%i', {tz:String}) AS label,
       sessions, struggling_sessions, signals
FROM (
    SELECT ${release} AS release, ${start}(time, {tz:String}) AS bucket,
           uniqExact(session_id) AS sessions,
           uniqExactIf(session_id, is_signal) AS struggling_sessions,
           mapFilter((k, v) -> v > 0, map(${COUNTS_SQL})) AS signals
    FROM source
    WHERE ${when(on.path, `${PATH_FILTER_SQL}`)} AND ${when(on.kind, `NOT is_signal OR kind = {kind:String}`)}
    GROUP BY release, bucket
    ORDER BY release, bucket WITH FILL
        FROM ${start}(range_from, {tz:String}) TO toDateTime(range_to, {tz:String}) STEP ${step}
)
ORDER BY release, start`;
}

export async function findTrends(store: Store, projectId: string, filters: TrendFilters): Promise<TrendRow[]> {
  const live = await findLiveSessions(store, projectId);
  return store.query<TrendRow>(
    trendsSql(filters.interval, filters.byRelease, presentFilters({ kind: filters.kind, path: filters.path }), live),
    {
      project: projectId,
      from: filters.range.from,
      to: filters.range.to,
      tz: filters.tz,
      path: filters.path ?? '',
      kind: filters.kind ?? '',
      ...live.params,
    },
    READ_SETTINGS,
  );
}
