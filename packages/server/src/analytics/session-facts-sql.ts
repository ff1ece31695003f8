import type { SignalKind } from '@snag/protocol';
import {
  ABANDON_WINDOW_MS,
  AUTH_PATH_REGEX,
  EXCESSIVE_SCROLL_MIN_REVERSALS,
  QUICK_BACK_MIN_DWELL_MS,
  QUICK_BACK_WINDOW_MS,
  SESSION_ENDED_AFTER_MS,
} from './constants.js';
import { LIVE_SESSIONS_SQL, type LiveSessions } from './find-live-sessions.js';
import { ELEMENT_KEY_SQL, PERSON_SQL } from './sql-fragments.js';
import { SCROLL_JUDGED_SQL, SCROLL_VERDICT_JOIN, usualScrollCtes } from './usual-scroll-sql.js';

/** Journey signal kinds (protocol signal kinds), judged over whole sessions from their page views. */
export const JOURNEY_KINDS = ['quick_back', 'dead_end', 'excessive_scroll'] as const satisfies readonly SignalKind[];

/**
 * Everything the reports need about a set of sessions, judged over each whole session:
 * the rows of the `session_facts` table (migration 0006) without `version` and `sign`.
 * The refresh view writes them for sessions that are over; reports compute the same rows
 * live for sessions that received data since (`session_activity`). Kinds:
 * - `session`: one per session with a page view: start (first page view), time (end of
 *   the last page view), client_time (its start on the page's clock, the origin of replay
 *   offsets), entry page (path, path_pattern), exit_path, paths and path_patterns seen,
 *   pages, person and device, signal_counts (SDK signals and journey signals) and errors;
 * - `view`: one per page view (start, end as time, path, scroll reversals);
 * - a signal: the SDK's (kind rage_click…, start = time = the signal's, its element)
 *   and the journey ones (quick_back, dead_end, excessive_scroll: ≥ 4 reversals and above
 *   the path's usual level, `usual-scroll-sql.ts`; start = the page view's, time = its end):
 *   with `abandoned` (the session
 *   ended within ABANDON_WINDOW_MS of it, or never reached a later page) and `offset_ms`
 *   (where it is in the replay).
 *
 * `sessionCondition` selects the sessions (a condition on project_id and session_id of
 * `page_views` and `key_events`); `now` is the moment the rows are computed at (a session
 * quiet for SESSION_ENDED_AFTER_MS by then is over: its last page is where it ended).
 * `baselineCondition` selects the sessions whose page views are read from `page_views`
 * for the usual scroll level (the rest come from stored facts); by default the same.
 *
 * The refresh view's query in `migrations/0016_scroll_baseline.sql` is this text with
 * `(project_id, session_id) IN settled` and `computed_at`: the migration holds the macro
 * `{{session_facts_sql}}` (`store/migration-macros.ts`; 0006 spells out the rules it shipped
 * with). Changing these rules changes that applied migration, so `migrate` refuses to start
 * until the old text is written out in it and a new migration recreates the view.
 */
export function sessionFactsSql(
  sessionCondition: string,
  now: string,
  parts: FactParts = ALL_PARTS,
  baselineCondition = sessionCondition,
): string {
  const branches = [
    parts.sessions ? SESSION_ROWS_SQL : '',
    parts.journey ? JOURNEY_ROWS_SQL : '',
    parts.sdk ? SDK_SIGNAL_ROWS_SQL : '',
  ].filter(Boolean);
  return `
    WITH
    page_groups AS (
        SELECT project_id, session_id, page_id,
               min(start) AS start_time, max(end) AS end_time,
               min(start_client) AS start_client_time, max(end_client) AS end_client_time,
               max(viewed) AS was_viewed,
               max(path) AS path, max(path_pattern) AS path_pattern, max(navigation) AS navigation,
               sum(interactions) AS interactions, sum(struggles) AS struggles, max(reversals) AS reversals,
               max(user_id) AS user_id, max(anonymous_id) AS anonymous_id,
               ${PERSON_SQL} AS person, max(release) AS release,
               max(browser) AS browser, max(device) AS device
        FROM {db:Identifier}.page_views
        WHERE ${sessionCondition}
        GROUP BY project_id, session_id, page_id
    ),
    bounds AS (
        SELECT project_id, session_id, min(start_client_time) AS session_start_client,
               max(end_time) AS session_end, maxIf(start_time, was_viewed = 1) AS last_page_start
        FROM page_groups
        GROUP BY project_id, session_id
    ),
    journey AS (
        SELECT project_id, session_id, page_id, start_time, end_time, end_client_time, path, path_pattern,
               person, user_id, anonymous_id, release, browser, device, reversals, kind
        FROM (
            SELECT *,
                   leadInFrame(path) OVER w AS next_path,
                   leadInFrame(navigation) OVER w AS next_navigation,
                   leadInFrame(start_time) OVER w AS next_time,
                   lagInFrame(path) OVER w AS previous_path,
                   row_number() OVER w = count() OVER w
                     AND dateDiff('millisecond', end_time, ${now}) > ${SESSION_ENDED_AFTER_MS} AS ended_here,
                   dateDiff('millisecond', start_time, next_time) AS dwell_ms,
                   previous_path != '' AND next_path = previous_path AND path != previous_path
                     AND next_navigation = 'back_forward' AND interactions = 0
                     AND dwell_ms BETWEEN ${QUICK_BACK_MIN_DWELL_MS} AND ${QUICK_BACK_WINDOW_MS}
                     AND NOT match(path, '${AUTH_PATH_REGEX}') AS is_quick_back
            FROM page_groups
            WHERE was_viewed = 1
            WINDOW w AS (PARTITION BY project_id, session_id ORDER BY start_time, page_id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        )
        ARRAY JOIN arrayFilter(k -> k != '', [
            'view',
            if(is_quick_back, 'quick_back', ''),
            if(is_quick_back OR (struggles > 0 AND (ended_here OR next_navigation = 'back_forward')), 'dead_end', ''),
            if(reversals >= ${EXCESSIVE_SCROLL_MIN_REVERSALS}, 'excessive_scroll', '')
        ]) AS kind
    ),${usualScrollCtes(sessionCondition, baselineCondition)}
    sdk AS (
        SELECT project_id, session_id, event_id, type, signal_kind, time, client_time, path, path_pattern,
               ${ELEMENT_KEY_SQL} AS element_key, element_selector, element_tag, element_text,
               user_id, anonymous_id, ${PERSON_SQL} AS person, release, browser, device
        FROM {db:Identifier}.key_events
        WHERE type IN ('signal', 'error') AND ${sessionCondition}
          AND time >= (SELECT min(start_time) FROM page_groups) AND time <= (SELECT max(end_time) FROM page_groups)
        LIMIT 1 BY project_id, session_id, event_id
    ),
    sessions AS (
        SELECT project_id, session_id, min(start_time) AS first_start, max(end_time) AS last_end, count() AS page_count,
               argMin(path, start_time) AS entry_path, argMin(path_pattern, start_time) AS entry_pattern,
               argMax(path, start_time) AS last_path, groupUniqArray(path) AS seen_paths,
               groupUniqArray(path_pattern) AS seen_patterns,
               max(user_id) AS s_user, max(anonymous_id) AS s_anonymous, max(release) AS s_release,
               max(browser) AS s_browser, max(device) AS s_device
        FROM page_groups
        WHERE was_viewed = 1
        GROUP BY project_id, session_id
    ),
    counts AS (
        SELECT project_id, session_id,
               CAST(sumMap(map(if(type = 'signal', signal_kind, ''), toUInt32(1))), 'Map(String, UInt32)') AS sdk_counts,
               toUInt32(countIf(type = 'error')) AS error_count
        FROM sdk
        GROUP BY project_id, session_id
    ),
    journey_counts AS (
        SELECT r.project_id AS project_id, r.session_id AS session_id,
               CAST(sumMap(map(r.kind, toUInt32(1))), 'Map(String, UInt32)') AS judged_counts
        FROM journey AS r${SCROLL_VERDICT_JOIN}
        WHERE r.kind IN ('quick_back', 'dead_end', 'excessive_scroll') AND ${SCROLL_JUDGED_SQL}
        GROUP BY project_id, session_id
    )
${branches.join('\n    UNION ALL\n')}`;
}

/** Which kinds of rows to compute: sessions, views and journey signals, SDK signals. */
export interface FactParts {
  sessions: boolean;
  journey: boolean;
  sdk: boolean;
}
const ALL_PARTS: FactParts = { sessions: true, journey: true, sdk: true };

const SESSION_ROWS_SQL = `
    SELECT s.project_id AS project_id, 'session' AS kind, s.first_start AS start, s.session_id AS session_id,
           'session' AS event_id, s.last_end AS time, b.session_start_client AS client_time,
           s.entry_path AS path, s.entry_pattern AS path_pattern,
           if(s.s_user != '', s.s_user, s.s_anonymous) AS person, s.s_user AS user_id, s.s_anonymous AS anonymous_id,
           s.s_release AS release, s.s_browser AS browser, s.s_device AS device, toUInt32(0) AS reversals,
           '' AS element_key, '' AS element_selector, '' AS element_tag, '' AS element_text,
           toUInt8(0) AS abandoned, toInt64(0) AS offset_ms,
           s.last_path AS exit_path, s.seen_paths AS paths, s.seen_patterns AS path_patterns,
           toUInt32(s.page_count) AS pages,
           mapFilter((k, v) -> k != '' AND v > 0, mapAdd(c.sdk_counts, j.judged_counts)) AS signal_counts,
           c.error_count AS errors
    FROM sessions AS s
    INNER JOIN bounds AS b ON b.project_id = s.project_id AND b.session_id = s.session_id
    LEFT JOIN counts AS c ON c.project_id = s.project_id AND c.session_id = s.session_id
    LEFT JOIN journey_counts AS j ON j.project_id = s.project_id AND j.session_id = s.session_id`;

const JOURNEY_ROWS_SQL = `
    SELECT r.project_id AS project_id, r.kind AS kind, r.start_time AS start, r.session_id AS session_id,
           concat(r.kind, ':', r.page_id) AS event_id, r.end_time AS time, r.end_client_time AS client_time,
           r.path AS path, r.path_pattern AS path_pattern, r.person AS person, r.user_id AS user_id,
           r.anonymous_id AS anonymous_id, r.release AS release, r.browser AS browser, r.device AS device,
           r.reversals AS reversals, '' AS element_key, '' AS element_selector, '' AS element_tag,
           '' AS element_text,
           toUInt8(r.kind != 'view' AND (dateDiff('millisecond', r.end_time, b.session_end) <= ${ABANDON_WINDOW_MS}
                                        OR b.last_page_start <= r.end_time)) AS abandoned,
           if(r.kind = 'view', 0, dateDiff('millisecond', b.session_start_client, r.end_client_time)) AS offset_ms,
           '' AS exit_path, [] AS paths, [] AS path_patterns, toUInt32(0) AS pages,
           CAST(map(), 'Map(String, UInt32)') AS signal_counts, toUInt32(0) AS errors
    FROM journey AS r
    INNER JOIN bounds AS b ON b.project_id = r.project_id AND b.session_id = r.session_id${SCROLL_VERDICT_JOIN}
    WHERE ${SCROLL_JUDGED_SQL}`;

const SDK_SIGNAL_ROWS_SQL = `
    SELECT e.project_id AS project_id, e.signal_kind AS kind, e.time AS start, e.session_id AS session_id,
           e.event_id AS event_id, e.time AS time, e.client_time AS client_time, e.path AS path,
           e.path_pattern AS path_pattern, e.person AS person,
           e.user_id AS user_id, e.anonymous_id AS anonymous_id, e.release AS release, e.browser AS browser,
           e.device AS device, toUInt32(0) AS reversals, e.element_key AS element_key,
           e.element_selector AS element_selector, e.element_tag AS element_tag, e.element_text AS element_text,
           toUInt8(dateDiff('millisecond', e.time, b.session_end) <= ${ABANDON_WINDOW_MS}
                   OR b.last_page_start <= e.time) AS abandoned,
           dateDiff('millisecond', b.session_start_client, e.client_time) AS offset_ms,
           '' AS exit_path, [] AS paths, [] AS path_patterns, toUInt32(0) AS pages,
           CAST(map(), 'Map(String, UInt32)') AS signal_counts, toUInt32(0) AS errors
    FROM sdk AS e
    INNER JOIN bounds AS b ON b.project_id = e.project_id AND b.session_id = e.session_id
    WHERE e.type = 'signal'`;

/**
 * The current `session_facts` rows of the given kinds whose `start` is in [`from`, `to`):
 * stored rows of the sessions the refresh covered (sign 1, their version not cancelled by
 * a later refresh), and for the live sessions the same rows computed now. `columns` must
 * name fact columns only.
 *
 * `signed` rows are for counting with sum(sign): every stored row comes with its `sign`
 * (a cancelled row and its −1 copy sum to 0), which spares reading each row's session and
 * version to find the cancelled ones.
 */
export function factRowsSql(
  columns: string,
  kinds: readonly string[],
  from: string,
  to: string,
  live: LiveSessions,
  options: { oneSession?: boolean; signed?: boolean } = {},
): string {
  const session = options.oneSession ? ' AND session_id = {session:String}' : '';
  // No live session (the usual case between bursts of traffic): no live part at all.
  const noneLive = live.listed && live.params.live_sessions.length === 0;
  const liveSet = live.listed ? '{live_sessions:Array(String)}' : `(${LIVE_SESSIONS_SQL})`;
  const kindList = kinds.map((kind) => `'${kind}'`).join(', ');
  const inRange = `project_id = {project:String} AND kind IN (${kindList})
              AND start >= ${from} AND start < ${to}${session}`;
  const notLive = noneLive ? '' : `AND session_id NOT IN ${liveSet}`;
  const stored = options.signed
    ? `
        SELECT ${columns}, sign FROM {db:Identifier}.session_facts
        WHERE ${inRange} ${notLive}`
    : `
        SELECT ${columns} FROM {db:Identifier}.session_facts
        WHERE ${inRange} AND sign = 1
          AND (session_id, version) NOT IN (
              SELECT session_id, version FROM {db:Identifier}.session_facts WHERE ${inRange} AND sign = -1)
          ${notLive}`;
  if (noneLive) return stored;
  const computed = `
        SELECT ${columns}${options.signed ? ', toInt8(1) AS sign' : ''}
        FROM (${sessionFactsSql(
          `project_id = {project:String}${session} AND session_id IN ${liveSet}`,
          'now64(3)',
          partsFor(kinds),
          `project_id = {project:String} AND session_id IN ${liveSet}`,
        )})
        WHERE kind IN (${kindList}) AND start >= ${from} AND start < ${to}`;
  return `${stored}
        UNION ALL${computed}`;
}

/** The parts of the live computation that can produce rows of these kinds. */
function partsFor(kinds: readonly string[]): FactParts {
  const pageLevel = new Set<string>(['view', ...JOURNEY_KINDS]);
  return {
    sessions: kinds.includes('session'),
    journey: kinds.some((kind) => pageLevel.has(kind)),
    sdk: kinds.some((kind) => kind !== 'session' && !pageLevel.has(kind)),
  };
}
