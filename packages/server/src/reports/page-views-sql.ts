import { EXCESSIVE_SCROLL_MIN_REVERSALS } from './constants.js';

/**
 * Page views from the `page_views` table (migration 0002), finished: one row
 * per (session, page view) that started in the window. `from` and `to` name
 * DateTime64 expressions; the query uses the `project` parameter. The scope
 * narrows it to the `session` parameter, or to the sessions that can hold a
 * journey signal.
 *
 * Raw rows are pre-filtered a day wide of the window (partial rows of one page
 * view start no earlier than the view itself, which rarely lasts a day), so
 * partitions and the start index prune before the exact HAVING.
 */
export type PageViewScope = 'all' | 'session' | 'journey-candidates';

export function pageViewsSql(from: string, to: string, scope: PageViewScope = 'all'): string {
  return `
    SELECT session_id, page_id,
           min(start) AS start_time, max(end) AS end_time,
           min(start_client) AS start_client_time, max(end_client) AS end_client_time,
           max(path) AS path, max(path_pattern) AS path_pattern, max(navigation) AS navigation,
           sum(interactions) AS interactions, sum(struggles) AS struggles, max(reversals) AS reversals,
           max(scroll_depth) AS scroll_depth, max(page_height) AS page_height,
           max(user_id) AS user_id, max(anonymous_id) AS anonymous_id,
           if(user_id != '', user_id, anonymous_id) AS person,
           max(release) AS release, max(browser) AS browser, max(device) AS device
    FROM {db:Identifier}.page_views
    WHERE project_id = {project:String}${SCOPE_SQL[scope](from, to)}
      AND start >= ${from} - toIntervalDay(1) AND start < ${to}
    GROUP BY session_id, page_id
    HAVING max(viewed) = 1 AND start_time >= ${from} AND start_time < ${to}`;
}

/**
 * Only sessions with an SDK signal (a possible dead end), a back navigation (a
 * possible quick back) or a page view with enough scroll reversals can hold a
 * journey signal; the rest need not be windowed at all.
 */
const SCOPE_SQL: Record<PageViewScope, (from: string, to: string) => string> = {
  all: () => '',
  session: () => ' AND session_id = {session:String}',
  'journey-candidates': (from, to) => ` AND session_id IN (${journeyCandidatesSql(from, to)})`,
};

/** Sessions of the window with an SDK signal, a back navigation or a page view with enough scroll reversals. */
export function journeyCandidatesSql(from: string, to: string): string {
  return `
      SELECT session_id FROM {db:Identifier}.key_events
      WHERE project_id = {project:String} AND type = 'signal' AND time >= ${from} AND time < ${to}
      UNION DISTINCT
      SELECT session_id FROM {db:Identifier}.page_views
      WHERE project_id = {project:String} AND start >= ${from} - toIntervalDay(1) AND start < ${to}
        AND (navigation = 'back_forward' OR reversals >= ${EXCESSIVE_SCROLL_MIN_REVERSALS})`;
}
