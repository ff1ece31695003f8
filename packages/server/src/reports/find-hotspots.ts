import type { Store } from '../store/client.js';
import { ABANDON_WINDOW_MS, HOTSPOT_EXAMPLES } from './constants.js';
import type { CursorKey } from './cursor.js';
import { findLiveSessions } from './find-live-sessions.js';
import { journeySignalsSql, type LiveSessions } from './journey-signals-sql.js';
import { journeyCandidatesSql } from './page-views-sql.js';
import {
  ELEMENT_KEY_SQL,
  PATH_FILTER_SQL,
  PERSON_SQL,
  type PresentFilters,
  presentFilters,
  READ_SETTINGS,
  when,
} from './sql-fragments.js';
import type { TimeRange } from './time-range.js';

export interface HotspotFilters {
  range: TimeRange;
  kind?: string | undefined;
  path?: string | undefined;
  release?: string | undefined;
}

export interface HotspotRow {
  path_pattern: string;
  element_key: string;
  kind: string;
  element_selector: string;
  element_tag: string;
  element_text: string;
  occurrences: number;
  sessions: number;
  users: number;
  abandoned_sessions: number;
  impact: number;
  page_sessions: number;
  previous_sessions: number;
  previous_occurrences: number;
  first_seen: number;
  last_seen: number;
  /** Up to three `[minus last-seen ms, session id, offset ms]`, most recent first. */
  examples: Array<[number, string, number]>;
}

/**
 * One row per hotspot (path pattern, element, signal kind) with at least one
 * occurrence in the range, ranked by impact = affected sessions + abandoned
 * sessions (an affected session counts once, twice if it was then abandoned).
 *
 * Signals (SDK ones from `key_events`, journey ones computed from page views)
 * are read for the range and the previous period of the same length (for the
 * trend); retried duplicates are harmless because everything counts distinct
 * event ids or sessions, and min / max are idempotent.
 */
function hotspotsSql(on: PresentFilters, live: LiveSessions): string {
  return `
WITH
    fromUnixTimestamp64Milli({from:Int64}, 'UTC') AS range_from,
    fromUnixTimestamp64Milli({to:Int64}, 'UTC') AS range_to,
    fromUnixTimestamp64Milli({previous_from:Int64}, 'UTC') AS previous_from,
signal_rows AS (
    SELECT session_id, event_id, time, client_time, path_pattern, ${ELEMENT_KEY_SQL} AS element_key,
           element_selector, element_tag, element_text, signal_kind AS kind, ${PERSON_SQL} AS person
    FROM {db:Identifier}.key_events
    WHERE project_id = {project:String} AND type = 'signal' AND time >= previous_from AND time < range_to
      AND ${when(on.kind, `signal_kind = {kind:String}`)}
      AND ${when(on.path, `${PATH_FILTER_SQL}`)}
      AND ${when(on.release, `release = {release:String}`)}
    UNION ALL
    SELECT session_id, event_id, time, client_time, path_pattern, '' AS element_key,
           '' AS element_selector, '' AS element_tag, '' AS element_text, kind, person
    FROM (${journeySignalsSql('previous_from', 'range_to', live)})
    WHERE ${when(on.kind, `kind = {kind:String}`)}
      AND ${when(on.path, `${PATH_FILTER_SQL}`)}
      AND ${when(on.release, `release = {release:String}`)}
),
per_session AS (
    SELECT path_pattern, element_key, kind, session_id,
           uniqExactIf(event_id, time >= range_from) AS occurrences,
           uniqExactIf(event_id, time < range_from) AS previous_occurrences,
           minIf(time, time >= range_from) AS first_time,
           maxIf(time, time >= range_from) AS last_time,
           minIf(client_time, time >= range_from) AS first_client_time,
           any(person) AS person,
           argMax(element_selector, time) AS element_selector,
           argMax(element_tag, time) AS element_tag,
           argMax(element_text, time) AS element_text
    FROM signal_rows
    GROUP BY path_pattern, element_key, kind, session_id
),
session_bounds AS (
    SELECT session_id, min(view_start_client) AS start_client_time, max(view_end) AS end_time,
           maxIf(view_start, view_seen = 1) AS last_page_time
    FROM (
        SELECT session_id, page_id, min(start) AS view_start, max(end) AS view_end,
               min(start_client) AS view_start_client, max(viewed) AS view_seen
        FROM {db:Identifier}.page_views
        WHERE project_id = {project:String} AND session_id IN (${journeyCandidatesSql('range_from', 'range_to')})
        GROUP BY session_id, page_id
    )
    GROUP BY session_id
),
page_visits AS (
    SELECT path_pattern, uniqExact(session_id) AS page_sessions
    FROM {db:Identifier}.page_views
    WHERE project_id = {project:String} AND viewed = 1 AND start >= range_from AND start < range_to
      AND ${when(on.release, `release = {release:String}`)}
    GROUP BY path_pattern
),
hotspots AS (
    SELECT p.path_pattern AS path_pattern, p.element_key AS element_key, p.kind AS kind,
           argMaxIf(p.element_selector, p.last_time, p.occurrences > 0) AS element_selector,
           argMaxIf(p.element_tag, p.last_time, p.occurrences > 0) AS element_tag,
           argMaxIf(p.element_text, p.last_time, p.occurrences > 0) AS element_text,
           sum(p.occurrences) AS occurrences,
           countIf(p.occurrences > 0) AS sessions,
           uniqExactIf(p.person, p.occurrences > 0) AS users,
           countIf(p.occurrences > 0 AND (
               dateDiff('millisecond', p.last_time, s.end_time) <= ${ABANDON_WINDOW_MS}
               OR s.last_page_time <= p.last_time)) AS abandoned_sessions,
           sessions + abandoned_sessions AS impact,
           countIf(p.previous_occurrences > 0) AS previous_sessions,
           sum(p.previous_occurrences) AS previous_occurrences,
           toUnixTimestamp64Milli(minIf(p.first_time, p.occurrences > 0)) AS first_seen,
           toUnixTimestamp64Milli(maxIf(p.last_time, p.occurrences > 0)) AS last_seen,
           groupArraySortedIf(${HOTSPOT_EXAMPLES})(
               (-toUnixTimestamp64Milli(p.last_time), p.session_id,
                dateDiff('millisecond', s.start_client_time, p.first_client_time)),
               p.occurrences > 0) AS examples
    FROM per_session AS p
    LEFT JOIN session_bounds AS s ON s.session_id = p.session_id
    GROUP BY p.path_pattern, p.element_key, p.kind
    HAVING sessions > 0
)
SELECT h.*, v.page_sessions AS page_sessions
FROM hotspots AS h
LEFT JOIN page_visits AS v ON v.path_pattern = h.path_pattern
WHERE {first_page:Bool}
   OR (-toInt64(h.impact), -toInt64(h.occurrences), h.path_pattern, h.element_key, h.kind)
      > ({c0:Int64}, {c1:Int64}, {c2:String}, {c3:String}, {c4:String})
ORDER BY h.impact DESC, h.occurrences DESC, h.path_pattern, h.element_key, h.kind
LIMIT {limit:UInt32}`;
}

/** The sort key of a hotspot row, for the keyset cursor: `[-impact, -occurrences, path, element, kind]`. */
export const HOTSPOT_CURSOR_SHAPE = 'nnsss';
export function hotspotCursorKey(row: HotspotRow): CursorKey {
  return [-row.impact, -row.occurrences, row.path_pattern, row.element_key, row.kind];
}

export async function findHotspots(
  store: Store,
  projectId: string,
  filters: HotspotFilters,
  page: { limit: number; after?: CursorKey | undefined },
): Promise<HotspotRow[]> {
  const { from, to } = filters.range;
  const after = page.after ?? [0, 0, '', '', ''];
  const live = await findLiveSessions(store, projectId);
  return store.query<HotspotRow>(
    hotspotsSql(presentFilters(filters), live),
    {
      project: projectId,
      from,
      to,
      previous_from: from - (to - from),
      any_kind: filters.kind === undefined,
      kind: filters.kind ?? '',
      any_path: filters.path === undefined,
      path: filters.path ?? '',
      any_release: filters.release === undefined,
      release: filters.release ?? '',
      first_page: page.after === undefined,
      c0: after[0],
      c1: after[1],
      c2: after[2],
      c3: after[3],
      c4: after[4],
      limit: page.limit,
      ...live.params,
    },
    READ_SETTINGS,
  );
}
