import type { SignalKind } from '@snag/protocol';
import { SESSION_LOOKBACK_DAYS } from '../analytics/constants.js';
import type { CursorKey } from '../analytics/cursor.js';
import { findLiveSessions, type LiveSessions } from '../analytics/find-live-sessions.js';
import { journeySignalsSql } from '../analytics/journey-signals-sql.js';
import { factRowsSql } from '../analytics/session-facts-sql.js';
import {
  PATH_FILTER_SQL,
  type PresentFilters,
  presentFilters,
  READ_SETTINGS,
  when,
} from '../analytics/sql-fragments.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';
import { HOTSPOT_EXAMPLES } from './constants.js';
import { elementNameKey, findElementNames } from './find-element-names.js';

export interface HotspotFilters {
  range: TimeRange;
  kind?: SignalKind | undefined;
  path?: string | undefined;
  release?: string | undefined;
}

export interface HotspotRow {
  path_pattern: string;
  element_key: string;
  kind: SignalKind;
  element_selector: string;
  element_tag: string;
  element_text: string;
  /** The accessible name and role last seen on the element ('' when none: page-level kinds, older SDKs). */
  element_name: string;
  element_role: string;
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
  /** Up to HOTSPOT_EXAMPLES `[minus last-seen ms, session id, offset ms]`, most recent first. */
  examples: Array<[number, string, number]>;
}

/** Session-fact columns each signal row brings besides the journey-signal ones: its element and judged figures. */
const SIGNAL_FACT_COLUMNS = 'element_key, element_selector, element_tag, element_text, abandoned, offset_ms';

/**
 * One row per hotspot (path pattern, element, signal kind) with at least one
 * occurrence in the range, ranked by impact = affected sessions + abandoned
 * sessions (an affected session counts once, twice if it was then abandoned).
 *
 * Signals (the SDK's and the journey ones) come from the session facts, each with
 * `abandoned` and `offset_ms` already judged over its whole session, for the range and
 * the previous period of the same length (for the trend). A session is abandoned after
 * a hotspot when it was after its last occurrence in the range; since `abandoned` only
 * turns from 0 to 1 as a session goes on, that is the flag of that last occurrence.
 * Retried duplicates are harmless: everything counts distinct event ids or sessions.
 * A page's sessions are the sessions active in the range that viewed it.
 */
function hotspotsSql(on: PresentFilters, live: LiveSessions): string {
  return `
WITH
    fromUnixTimestamp64Milli({from:Int64}, 'UTC') AS range_from,
    fromUnixTimestamp64Milli({to:Int64}, 'UTC') AS range_to,
    fromUnixTimestamp64Milli({previous_from:Int64}, 'UTC') AS previous_from,
signal_rows AS (
    SELECT session_id, event_id, time, path_pattern, element_key, element_selector, element_tag, element_text, kind, person, abandoned, offset_ms
    FROM (${journeySignalsSql('previous_from', 'range_to', live, false, { extra: SIGNAL_FACT_COLUMNS, withSdkSignals: true })})
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
           argMaxIf(abandoned, time, time >= range_from) AS was_abandoned,
           argMinIf(offset_ms, time, time >= range_from) AS first_offset,
           any(person) AS person,
           argMax(element_selector, time) AS element_selector,
           argMax(element_tag, time) AS element_tag,
           argMax(element_text, time) AS element_text
    FROM signal_rows
    GROUP BY path_pattern, element_key, kind, session_id
),
page_visits AS (
    SELECT arrayJoin(path_patterns) AS path_pattern, sum(sign) AS page_sessions
    FROM (${factRowsSql('path_patterns, time, release', ['session'], `range_from - toIntervalDay(${SESSION_LOOKBACK_DAYS})`, 'range_to', live, { signed: true })})
    WHERE time >= range_from AND ${when(on.release, `release = {release:String}`)}
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
           countIf(p.occurrences > 0 AND p.was_abandoned = 1) AS abandoned_sessions,
           sessions + abandoned_sessions AS impact,
           countIf(p.previous_occurrences > 0) AS previous_sessions,
           sum(p.previous_occurrences) AS previous_occurrences,
           toUnixTimestamp64Milli(minIf(p.first_time, p.occurrences > 0)) AS first_seen,
           toUnixTimestamp64Milli(maxIf(p.last_time, p.occurrences > 0)) AS last_seen,
           groupArraySortedIf(${HOTSPOT_EXAMPLES})(
               (-toUnixTimestamp64Milli(p.last_time), p.session_id, p.first_offset),
               p.occurrences > 0) AS examples
    FROM per_session AS p
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
  const rows = await store.query<Omit<HotspotRow, 'element_name' | 'element_role'>>(
    hotspotsSql(presentFilters(filters), live),
    {
      project: projectId,
      from,
      to,
      previous_from: from - (to - from),
      kind: filters.kind ?? '',
      path: filters.path ?? '',
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
  const names = await findElementNames(
    store,
    projectId,
    rows.filter((row) => row.element_key),
    filters.range,
  );
  return rows.map((row) => {
    const seen = row.element_key ? names.get(elementNameKey(row.path_pattern, row.element_key)) : undefined;
    return { ...row, element_name: seen?.name ?? '', element_role: seen?.role ?? '' };
  });
}
