import { SIGNAL_KINDS } from '@snag/protocol';
import type { Store } from '../store/client.js';
import type { CursorKey } from './cursor.js';
import { findLiveSessions } from './find-live-sessions.js';
import { journeySignalsSql, type LiveSessions } from './journey-signals-sql.js';
import { sessionSummariesSql } from './session-summaries-sql.js';
import { ELEMENT_KEY_SQL, type PresentFilters, presentFilters, READ_SETTINGS, when } from './sql-fragments.js';
import type { TimeRange } from './time-range.js';

export const SESSION_SORTS = ['struggle', 'recent', 'duration'] as const;
export type SessionSort = (typeof SESSION_SORTS)[number];

export interface SessionFilters {
  range: TimeRange;
  path?: string | undefined;
  kind?: string | undefined;
  element?: string | undefined;
  user?: string | undefined;
  release?: string | undefined;
  browser?: string | undefined;
  device?: string | undefined;
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
  device: string;
  browser: string;
  release: string;
  errors: number;
  signals: number;
  signal_counts: Record<string, number>;
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

const SDK_COUNTS_SQL = SIGNAL_KINDS.map(
  (kind) => `'${kind}', toUInt64(uniqExactIf(event_id, type = 'signal' AND signal_kind = '${kind}'))`,
).join(', ');

/**
 * Sessions come from their page views that started in the range (the refresh's
 * `view` rows, or `page_views` for live sessions); signal and error counts and the
 * element filter from the signal, error and click events of the range; journey
 * signals as everywhere.
 */
function sessionsSql(sort: SessionSort, on: PresentFilters, live: LiveSessions): string {
  return `
WITH
    fromUnixTimestamp64Milli({from:Int64}, 'UTC') AS range_from,
    fromUnixTimestamp64Milli({to:Int64}, 'UTC') AS range_to,
sessions AS (
    SELECT id, toUnixTimestamp64Milli(start_time) AS start, dateDiff('millisecond', start_time, end_time) AS s_duration,
           pages, s_user, s_anonymous, s_device, s_browser, s_release, entry_page, exit_page, path_hits
    FROM (${sessionSummariesSql(live)})
    WHERE ${when(on.path, `path_hits > 0`)}
      AND ${when(on.user, `s_user = {user:String} OR s_anonymous = {user:String}`)}
      AND ${when(on.release, `s_release = {release:String}`)}
      AND ${when(on.browser, `s_browser = {browser:String}`)}
      AND ${when(on.device, `s_device = {device:String}`)}
      AND s_duration >= {min_duration:Int64}
),
sdk AS (
    SELECT session_id, map(${SDK_COUNTS_SQL}) AS sdk_counts,
           uniqExactIf(event_id, type = 'error') AS errors,
           countIf(type IN ('signal', 'click')
                   AND (${ELEMENT_KEY_SQL} = {element:String} OR element_selector = {element:String})) AS element_hits
    FROM {db:Identifier}.key_events
    WHERE project_id = {project:String} AND type IN (${on.element ? "'signal', 'error', 'click'" : "'signal', 'error'"})
      AND time >= range_from AND time < range_to
    GROUP BY session_id
),
journey AS (
    SELECT session_id, sumMap(map(kind, toUInt64(1))) AS journey_counts
    FROM (SELECT DISTINCT session_id, event_id, kind FROM (${journeySignalsSql('range_from', 'range_to', live)}))
    GROUP BY session_id
)
SELECT *, ${SORT_KEYS[sort]}
FROM (
    SELECT s.id AS id, s.start AS start, s.s_duration AS duration_ms, s.pages AS pages, s.s_user AS user_id,
           s.s_anonymous AS anonymous_id, s.s_device AS device, s.s_browser AS browser,
           s.s_release AS release, x.errors AS errors, s.entry_page AS entry_page, s.exit_page AS exit_page,
           mapFilter((k, v) -> v > 0, mapAdd(x.sdk_counts, j.journey_counts)) AS signal_counts,
           arraySum(mapValues(signal_counts)) AS signals
    FROM sessions AS s
    LEFT JOIN sdk AS x ON x.session_id = s.id
    LEFT JOIN journey AS j ON j.session_id = s.id
    WHERE ${when(on.kind, `signal_counts[{kind:String}] > 0`)}
      AND ${when(on.element, `x.element_hits > 0`)}
      AND ${when(on.has_error, `(x.errors > 0) = {has_error:Bool}`)}
)
WHERE {first_page:Bool} OR (k1, k2, k3, id) > ({c0:Int64}, {c1:Int64}, {c2:Int64}, {c3:String})
ORDER BY k1, k2, k3, id
LIMIT {limit:UInt32}`;
}

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
      any_path: filters.path === undefined,
      path: filters.path ?? '',
      any_kind: filters.kind === undefined,
      kind: filters.kind ?? '',
      any_element: filters.element === undefined,
      element: filters.element ?? '',
      any_user: filters.user === undefined,
      user: filters.user ?? '',
      any_release: filters.release === undefined,
      release: filters.release ?? '',
      any_browser: filters.browser === undefined,
      browser: filters.browser ?? '',
      any_device: filters.device === undefined,
      device: filters.device ?? '',
      any_error: filters.has_error === undefined,
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
