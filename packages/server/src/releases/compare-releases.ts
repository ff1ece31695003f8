import type { SignalKind } from '@snag/protocol';
import { findLiveSessions, type LiveSessions } from '../analytics/find-live-sessions.js';
import { journeySignalsSql } from '../analytics/journey-signals-sql.js';
import { ELEMENT_KEY_SQL, READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';
import { COMPARE_MIN_SESSIONS, COMPARE_MIN_Z } from './constants.js';

export type ChangeStatus = 'new' | 'worse' | 'better' | 'gone' | 'unchanged';

export interface ReleaseChangeRow {
  path_pattern: string;
  element_key: string;
  element_text: string;
  /** The latest session with this hotspot, where its element's name is looked up. */
  example_session: string;
  kind: SignalKind;
  base_sessions: number;
  head_sessions: number;
  base_page_sessions: number;
  head_page_sessions: number;
  base_rate: number | null;
  head_rate: number | null;
  z: number | null;
  status: ChangeStatus;
}

/**
 * Every hotspot seen in either release, with its rate in each: affected sessions
 * of that release over the release's sessions that visited the page (releases
 * get different traffic, so counts alone would mislead). A change is judged by a
 * two-proportion z-test, and only for hotspots with COMPARE_MIN_SESSIONS
 * affected sessions in base or head, so a handful of sessions cannot raise an alarm.
 */
const compareSql = (live: LiveSessions) => `
WITH
    fromUnixTimestamp64Milli({from:Int64}, 'UTC') AS range_from,
    fromUnixTimestamp64Milli({to:Int64}, 'UTC') AS range_to,
signal_rows AS (
    SELECT session_id, release, path_pattern, ${ELEMENT_KEY_SQL} AS element_key, element_text, signal_kind AS kind, time
    FROM {db:Identifier}.key_events
    WHERE project_id = {project:String} AND type = 'signal' AND time >= range_from AND time < range_to
      AND release IN ({base:String}, {head:String})
    UNION ALL
    SELECT session_id, release, path_pattern, '' AS element_key, '' AS element_text, kind, time
    FROM (${journeySignalsSql('range_from', 'range_to', live)})
    WHERE release IN ({base:String}, {head:String})
),
hotspots AS (
    SELECT path_pattern, element_key, kind, argMax(element_text, time) AS element_text,
           argMax(session_id, time) AS example_session,
           uniqExactIf(session_id, release = {base:String}) AS base_sessions,
           uniqExactIf(session_id, release = {head:String}) AS head_sessions
    FROM signal_rows
    GROUP BY path_pattern, element_key, kind
),
page_visits AS (
    SELECT path_pattern,
           uniqExactIf(session_id, release = {base:String}) AS base_page_sessions,
           uniqExactIf(session_id, release = {head:String}) AS head_page_sessions
    FROM {db:Identifier}.page_views
    WHERE project_id = {project:String} AND viewed = 1 AND start >= range_from AND start < range_to
      AND release IN ({base:String}, {head:String})
    GROUP BY path_pattern
)
SELECT h.path_pattern AS path_pattern, h.element_key AS element_key, h.element_text AS element_text,
       h.example_session AS example_session, h.kind AS kind,
       h.base_sessions AS base_sessions, h.head_sessions AS head_sessions,
       v.base_page_sessions AS base_page_sessions, v.head_page_sessions AS head_page_sessions,
       if(base_page_sessions > 0, round(least(1, base_sessions / base_page_sessions), 4), NULL) AS base_rate,
       if(head_page_sessions > 0, round(least(1, head_sessions / head_page_sessions), 4), NULL) AS head_rate,
       (base_sessions + head_sessions) / (base_page_sessions + head_page_sessions) AS pooled,
       if(base_page_sessions > 0 AND head_page_sessions > 0 AND pooled > 0 AND pooled < 1,
          round((head_sessions / head_page_sessions - base_sessions / base_page_sessions)
                / sqrt(pooled * (1 - pooled) * (1 / base_page_sessions + 1 / head_page_sessions)), 2),
          NULL) AS z,
       multiIf(
           greatest(base_sessions, head_sessions) < ${COMPARE_MIN_SESSIONS}, 'unchanged',
           base_sessions = 0, 'new',
           head_sessions = 0, 'gone',
           z >= ${COMPARE_MIN_Z}, 'worse',
           z <= -${COMPARE_MIN_Z}, 'better',
           'unchanged') AS status
FROM hotspots AS h
LEFT JOIN page_visits AS v ON v.path_pattern = h.path_pattern
ORDER BY abs(toInt64(head_sessions) - toInt64(base_sessions)) DESC, path_pattern, element_key, kind`;

export async function compareReleases(
  store: Store,
  projectId: string,
  query: { range: TimeRange; base: string; head: string },
): Promise<ReleaseChangeRow[]> {
  const live = await findLiveSessions(store, projectId);
  return store.query<ReleaseChangeRow>(
    compareSql(live),
    {
      project: projectId,
      from: query.range.from,
      to: query.range.to,
      base: query.base,
      head: query.head,
      ...live.params,
    },
    READ_SETTINGS,
  );
}

/** Sessions of each release with a page view in the range, to show how much traffic each side had. */
export async function countReleaseSessions(
  store: Store,
  projectId: string,
  query: { range: TimeRange; base: string; head: string },
): Promise<{ base: number; head: number }> {
  const [row] = await store.query<{ base: number; head: number }>(
    `SELECT uniqExactIf(session_id, release = {base:String}) AS base, uniqExactIf(session_id, release = {head:String}) AS head
     FROM {db:Identifier}.page_views
     WHERE project_id = {project:String} AND viewed = 1
       AND start >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND start < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
       AND release IN ({base:String}, {head:String})`,
    { project: projectId, from: query.range.from, to: query.range.to, base: query.base, head: query.head },
    READ_SETTINGS,
  );
  return { base: Number(row?.base ?? 0), head: Number(row?.head ?? 0) };
}
