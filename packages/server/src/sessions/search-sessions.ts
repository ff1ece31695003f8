import type { DeviceClass, SessionSort, SignalCounts, SignalKind } from '@snag/protocol';
import { SESSION_LOOKBACK_DAYS } from '../analytics/constants.js';
import type { CursorKey } from '../analytics/cursor.js';
import { findLiveSessions, type LiveSessions } from '../analytics/find-live-sessions.js';
import { factRowsSql } from '../analytics/session-facts-sql.js';
import {
  ELEMENT_KEY_SQL,
  type PresentFilters,
  presentFilters,
  READ_SETTINGS,
  when,
} from '../analytics/sql-fragments.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';

export interface SessionFilters {
  range: TimeRange;
  path?: string | undefined;
  kind?: SignalKind | undefined;
  element?: string | undefined;
  user?: string | undefined;
  release?: string | undefined;
  browser?: string | undefined;
  device?: DeviceClass | undefined;
  has_error?: boolean | undefined;
  min_duration?: number | undefined;
}

export interface SessionRow {
  id: string;
  start: number;
  duration_ms: number;
  pages: number;
  user_id: string;
  anonymous_id: string;
  device: DeviceClass;
  browser: string;
  release: string;
  errors: number;
  signals: number;
  signal_counts: SignalCounts;
  entry_page: string;
  exit_page: string;
  k1: number;
  k2: number;
  k3: number;
}

/** Sort keys per sort order, all ascending, the session id last: the keyset is always unique. */
const SORT_KEYS: Record<SessionSort, string> = {
  struggle: '-toInt64(signals) AS k1, -toInt64(errors) AS k2, -toInt64(start) AS k3',
  recent: '-toInt64(start) AS k1, toInt64(0) AS k2, toInt64(0) AS k3',
  duration: '-toInt64(duration_ms) AS k1, -toInt64(start) AS k2, toInt64(0) AS k3',
};

/**
 * Sessions active in the range (started before its end, ended after its start; started at
 * most SESSION_LOOKBACK_DAYS before it) that match every filter, each with its figures
 * over the whole session, from one `session` fact per session: a sorted read.
 */
function sessionsSql(sort: SessionSort, on: PresentFilters, live: LiveSessions): string {
  return `
WITH
    fromUnixTimestamp64Milli({from:Int64}, 'UTC') AS range_from,
    fromUnixTimestamp64Milli({to:Int64}, 'UTC') AS range_to,
sessions AS (
    SELECT session_id AS id, toUnixTimestamp64Milli(start) AS start_ms, dateDiff('millisecond', start, time) AS s_duration,
           pages, user_id, anonymous_id, device, browser, release, errors, path AS entry_page, exit_path AS exit_page,
           signal_counts AS counted
    FROM (${factRowsSql(SESSION_COLUMNS, ['session'], `range_from - toIntervalDay(${SESSION_LOOKBACK_DAYS})`, 'range_to', live)})
    WHERE time >= range_from
      AND ${when(on.path, 'has(paths, {path:String}) OR has(path_patterns, {path:String})')}
      AND ${when(on.user, 'user_id = {user:String} OR anonymous_id = {user:String}')}
      AND ${when(on.release, 'release = {release:String}')}
      AND ${when(on.browser, 'browser = {browser:String}')}
      AND ${when(on.device, 'device = {device:String}')}
      AND ${when(on.has_error, '(errors > 0) = {has_error:Bool}')}
      AND ${when(on.element, `session_id IN (${ELEMENT_SESSIONS_SQL})`)}
      AND s_duration >= {min_duration:Int64}
)
SELECT *, ${SORT_KEYS[sort]}
FROM (
    SELECT s.id AS id, s.start_ms AS start, s.s_duration AS duration_ms, s.pages AS pages, s.user_id AS user_id,
           s.anonymous_id AS anonymous_id, s.device AS device, s.browser AS browser, s.release AS release,
           s.errors AS errors, s.entry_page AS entry_page, s.exit_page AS exit_page,
           mapFilter((k, v) -> v > 0, CAST(s.counted, 'Map(String, UInt64)')) AS signal_counts,
           arraySum(mapValues(signal_counts)) AS signals
    FROM sessions AS s
    WHERE ${when(on.kind, 'signal_counts[{kind:String}] > 0')}
)
WHERE {first_page:Bool} OR (k1, k2, k3, id) > ({c0:Int64}, {c1:Int64}, {c2:Int64}, {c3:String})
ORDER BY k1, k2, k3, id
LIMIT {limit:UInt32}`;
}

const SESSION_COLUMNS = `session_id, start, time, pages, user_id, anonymous_id, device, browser, release, errors, path,
       exit_path, paths, path_patterns, signal_counts`;

/** Sessions with a click or signal on the `element` parameter (its key or its selector) around the range. */
const ELEMENT_SESSIONS_SQL = `
        SELECT session_id FROM {db:Identifier}.key_events
        WHERE project_id = {project:String} AND type IN ('signal', 'click')
          AND time >= range_from - toIntervalDay(${SESSION_LOOKBACK_DAYS}) AND time < range_to + toIntervalDay(${SESSION_LOOKBACK_DAYS})
          AND (${ELEMENT_KEY_SQL} = {element:String} OR element_selector = {element:String})`;

export const SESSION_CURSOR_SHAPE = 'nnns';
export function sessionCursorKey(row: SessionRow): CursorKey {
  return [Number(row.k1), Number(row.k2), Number(row.k3), row.id];
}

/** Sessions with a page view in the range that match every filter, in the chosen order (keyset-paginated). */
export async function findSessions(
  store: Store,
  projectId: string,
  filters: SessionFilters,
  page: { sort: SessionSort; limit: number; after?: CursorKey | undefined },
): Promise<SessionRow[]> {
  const after = page.after ?? [0, 0, 0, ''];
  const live = await findLiveSessions(store, projectId);
  return store.query<SessionRow>(
    sessionsSql(page.sort, presentFilters(filters), live),
    {
      project: projectId,
      from: filters.range.from,
      to: filters.range.to,
      path: filters.path ?? '',
      kind: filters.kind ?? '',
      element: filters.element ?? '',
      user: filters.user ?? '',
      release: filters.release ?? '',
      browser: filters.browser ?? '',
      device: filters.device ?? '',
      has_error: filters.has_error ?? false,
      min_duration: filters.min_duration ?? 0,
      first_page: page.after === undefined,
      c0: after[0],
      c1: after[1],
      c2: after[2],
      c3: after[3],
      limit: page.limit,
      ...live.params,
    },
    READ_SETTINGS,
  );
}
