import { findLiveSessions } from '../analytics/find-live-sessions.js';
import { journeySignalsSql } from '../analytics/journey-signals-sql.js';
import { READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';

export interface Totals {
  sessions: number;
  struggling_sessions: number;
  signals: number;
}

/** Sessions with a page view or a signal in the range, those among them with any signal, and the signals (SDK + journey). */
export async function findTotals(store: Store, projectId: string, range: TimeRange): Promise<Totals> {
  const live = await findLiveSessions(store, projectId);
  const [row] = await store.query<Totals>(
    `WITH
         fromUnixTimestamp64Milli({from:Int64}, 'UTC') AS range_from,
         fromUnixTimestamp64Milli({to:Int64}, 'UTC') AS range_to
     SELECT uniqExact(session_id) AS sessions,
            uniqExactIf(session_id, is_signal) AS struggling_sessions,
            uniqExactIf(event_id, is_signal) AS signals
     FROM (
         SELECT session_id, '' AS event_id, false AS is_signal
         FROM {db:Identifier}.page_views
         WHERE project_id = {project:String} AND viewed = 1 AND start >= range_from AND start < range_to
         UNION ALL
         SELECT session_id, event_id, true AS is_signal
         FROM {db:Identifier}.key_events
         WHERE project_id = {project:String} AND type = 'signal' AND time >= range_from AND time < range_to
         UNION ALL
         SELECT session_id, event_id, true AS is_signal
         FROM (${journeySignalsSql('range_from', 'range_to', live)})
     )`,
    { project: projectId, from: range.from, to: range.to, ...live.params },
    READ_SETTINGS,
  );
  return {
    sessions: Number(row?.sessions ?? 0),
    struggling_sessions: Number(row?.struggling_sessions ?? 0),
    signals: Number(row?.signals ?? 0),
  };
}
