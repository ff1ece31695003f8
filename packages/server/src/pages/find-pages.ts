import { RATE_DECIMALS } from '../analytics/constants.js';
import { findLiveSessions } from '../analytics/find-live-sessions.js';
import { journeySignalsSql } from '../analytics/journey-signals-sql.js';
import { READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';

export interface PageRow {
  path: string;
  views: number;
  sessions: number;
  struggling_sessions: number;
  struggle_rate: number;
}

/** Path patterns with page views in the range; struggle rate = sessions with a signal there / sessions that viewed it. */
export async function findPages(store: Store, projectId: string, range: TimeRange, limit: number): Promise<PageRow[]> {
  const live = await findLiveSessions(store, projectId);
  return store.query<PageRow>(
    `WITH
         fromUnixTimestamp64Milli({from:Int64}, 'UTC') AS range_from,
         fromUnixTimestamp64Milli({to:Int64}, 'UTC') AS range_to
     SELECT path_pattern AS path,
            uniqExactIf(event_id, is_view) AS views,
            uniqExactIf(session_id, is_view) AS sessions,
            uniqExactIf(session_id, NOT is_view) AS struggling_sessions,
            round(least(1, struggling_sessions / sessions), ${RATE_DECIMALS}) AS struggle_rate
     FROM (
         SELECT session_id, page_id AS event_id, path_pattern, true AS is_view
         FROM {db:Identifier}.page_views
         WHERE project_id = {project:String} AND viewed = 1 AND start >= range_from AND start < range_to
         UNION ALL
         SELECT session_id, event_id, toString(path_pattern) AS path_pattern, false AS is_view
         FROM {db:Identifier}.key_events
         WHERE project_id = {project:String} AND type = 'signal' AND time >= range_from AND time < range_to
         UNION ALL
         SELECT session_id, event_id, path_pattern, false AS is_view
         FROM (${journeySignalsSql('range_from', 'range_to', live)})
     )
     GROUP BY path_pattern
     HAVING views > 0
     ORDER BY views DESC, path
     LIMIT {limit:UInt32}`,
    { project: projectId, from: range.from, to: range.to, limit, ...live.params },
    READ_SETTINGS,
  );
}
