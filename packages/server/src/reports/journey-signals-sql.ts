import { SIGNAL_KINDS } from '@snag/protocol';
import { EXCESSIVE_SCROLL_QUANTILE } from './constants.js';
import { type FactParts, JOURNEY_KINDS, sessionFactsSql } from './session-facts-sql.js';

/**
 * Journey-level signals, which need the whole session and so are computed on the
 * server from page views rather than in the SDK (issue 4; rules in `sessionFactsSql`):
 * - quick_back: A → B → A where B was left by back navigation within
 *   QUICK_BACK_WINDOW_MS with no click, input or scroll on B; not when B was only
 *   bounced through (left within QUICK_BACK_MIN_DWELL_MS: a redirect or a script
 *   sending people back) or is a sign-in page (an auth bounce);
 * - dead_end: a page people could not get past — struggle (an SDK signal) on a
 *   page the session then ended on (once it is over: quiet for SESSION_ENDED_AFTER_MS)
 *   or went back from, or a quick back from it;
 * - excessive_scroll: scroll reversals in a page view of at least
 *   EXCESSIVE_SCROLL_MIN_REVERSALS and above the path's usual level (its p90 over
 *   the page views of the range read).
 * Each is one row per page view with a deterministic id (`kind:page_id`), so it
 * deduplicates like an event. Columns: session_id, event_id, time, client_time,
 * path_pattern, path, kind, person, release, and the `extra` columns of a fact.
 *
 * Reads the signals of the page views that started between `from` and `to`
 * (DateTime64 expressions), judged over their whole session; uses the `project`
 * parameter, and `session` when `oneSession` is set. With `withSdkSignals` the SDK's
 * signals of the range come too (from the same facts), as hotspots need them.
 */
export function journeySignalsSql(
  from: string,
  to: string,
  live: LiveSessions,
  sessionOnly = false,
  options: { extra?: string; withSdkSignals?: boolean } = {},
): string {
  const kinds = (options.withSdkSignals ? SIGNAL_KINDS : JOURNEY_KINDS).filter((kind) => kind !== 'excessive_scroll');
  const extra = options.extra ? `, ${options.extra}` : '';
  const columns = `session_id, event_id, time, client_time, path_pattern, path, kind, person, release${extra}`;
  const oneSession = { oneSession: sessionOnly };
  // Only excessive-scroll candidates are judged against the usual level: the rest need no join.
  return `
    SELECT ${columns} FROM (${factRowsSql(columns, kinds, from, to, live, oneSession)})
    UNION ALL
    SELECT ${columns}
    FROM (${factRowsSql(`${columns}, reversals`, ['excessive_scroll'], from, to, live, oneSession)}) AS candidates
    LEFT JOIN (${usualReversalsSql(from, to, live)}) AS usual USING path_pattern
    WHERE reversals > usual_reversals`;
}

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
        FROM (${sessionFactsSql(`project_id = {project:String}${session} AND session_id IN ${liveSet}`, 'now64(3)', partsFor(kinds))})
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

/**
 * The sessions whose journey signals a request computes live: listed once per request
 * when there are few (the usual case: those active in the last half hour), so every part
 * of the query splits the sessions alike and `IN` uses the primary key; else (before the
 * first refresh) left to the subquery `LIVE_SESSIONS_SQL`, the same text everywhere.
 */
export interface LiveSessions {
  listed: boolean;
  /** The `live_sessions` query parameter. */
  params: { live_sessions: string[] };
}

/** Sessions that received data after the last refresh of `session_facts` covered them (all before the first refresh). */
export const LIVE_SESSIONS_SQL = `
    SELECT session_id FROM {db:Identifier}.session_activity
    WHERE project_id = {project:String}
      AND last_seen > (SELECT max(time) FROM {db:Identifier}.session_facts
                       WHERE project_id = '' AND kind = 'coverage')`;

/**
 * A path's usual scroll level: the EXCESSIVE_SCROLL_QUANTILE of the reversals of its
 * page views that started in the range, exactly as `quantileExact` picks it (the value
 * at index ⌊level × n⌋ of the sorted views), from a histogram of (path, reversals) →
 * views: stored `view` rows of covered sessions plus the live sessions' page views.
 */
function usualReversalsSql(from: string, to: string, live: LiveSessions): string {
  return `
    SELECT path_pattern,
           arraySort(groupArray((reversals, views))) AS histogram,
           arrayCumSum(arrayMap(h -> h.2, histogram)) AS cumulative,
           toUInt64(${EXCESSIVE_SCROLL_QUANTILE} * arraySum(arrayMap(h -> h.2, histogram))) AS index,
           arrayElement(histogram, arrayFirstIndex(c -> c > index, cumulative)).1 AS usual_reversals
    FROM (
        SELECT toString(path_pattern) AS path_pattern, reversals, sum(sign) AS views
        FROM (${factRowsSql('path_pattern, reversals', ['view'], from, to, live, { signed: true })})
        GROUP BY path_pattern, reversals
        HAVING views > 0
    )
    GROUP BY path_pattern`;
}
