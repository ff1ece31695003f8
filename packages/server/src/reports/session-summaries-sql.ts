import { LIVE_SESSIONS_SQL, type LiveSessions } from './journey-signals-sql.js';
import { pageViewsSql } from './page-views-sql.js';
import { PATH_FILTER_SQL } from './sql-fragments.js';

/**
 * One row per session with a page view that started in the range (`range_from`,
 * `range_to`): id, start_time, end_time, pages, s_user, s_anonymous, s_device,
 * s_browser, s_release, entry_page, exit_page, path_hits (page views matching the
 * `path` parameter). Uses the `project` parameter.
 *
 * Sessions the refresh covered come from its `view` rows, one finished row per page
 * view, so one GROUP BY per session instead of grouping every page view first. A
 * session's current rows are those of its latest refresh (`version`): a refresh that
 * computes a session anew cancels every row it had (a −1 copy of the same version), so
 * exactly one version of a session sums above zero — or none, once merges drop the
 * cancelled pairs. Live sessions come from `page_views`, as before the refresh.
 */
export function sessionSummariesSql(live: LiveSessions): string {
  const noneLive = live.listed && live.params.live_sessions.length === 0;
  const liveSet = live.listed ? '{live_sessions:Array(String)}' : `(${LIVE_SESSIONS_SQL})`;
  const stored = `
        SELECT session_id AS id, latest.1 AS start_time, latest.2 AS end_time, latest.3 AS pages,
               latest.4 AS s_user, latest.5 AS s_anonymous, latest.6 AS s_device, latest.7 AS s_browser,
               latest.8 AS s_release, latest.9 AS entry_page, latest.10 AS exit_page, latest.11 AS path_hits
        FROM (
            SELECT session_id,
                   argMax((v_start, v_end, v_pages, v_user, v_anonymous, v_device, v_browser, v_release,
                           v_entry, v_exit, v_path_hits), version) AS latest
            FROM (
                SELECT session_id, version,
                       minIf(start, sign = 1) AS v_start, maxIf(time, sign = 1) AS v_end,
                       countIf(sign = 1) AS v_pages,
                       maxIf(user_id, sign = 1) AS v_user, maxIf(anonymous_id, sign = 1) AS v_anonymous,
                       maxIf(toString(device), sign = 1) AS v_device, maxIf(toString(browser), sign = 1) AS v_browser,
                       maxIf(toString(release), sign = 1) AS v_release,
                       argMinIf(path, start, sign = 1) AS v_entry, argMaxIf(path, start, sign = 1) AS v_exit,
                       countIf(sign = 1 AND ${PATH_FILTER_SQL}) AS v_path_hits
                FROM {db:Identifier}.journey_signals
                WHERE project_id = {project:String} AND kind = 'view' AND start >= range_from AND start < range_to
                  ${noneLive ? '' : `AND session_id NOT IN ${liveSet}`}
                GROUP BY session_id, version
                HAVING sum(sign) > 0
            )
            GROUP BY session_id
        )
        WHERE pages > 0`;
  const computed = `
        SELECT session_id AS id, min(start_time) AS first_start, max(end_time) AS last_end, count() AS pages,
               max(user_id) AS s_user, max(anonymous_id) AS s_anonymous, max(device) AS s_device,
               max(browser) AS s_browser, max(release) AS s_release,
               argMin(path, start_time) AS entry_page, argMax(path, start_time) AS exit_page,
               countIf(${PATH_FILTER_SQL}) AS path_hits
        FROM (${pageViewsSql('range_from', 'range_to')})
        WHERE session_id IN ${liveSet}
        GROUP BY session_id`;
  // The first SELECT names the columns: the second must not alias its own inputs.
  return noneLive ? stored : `${stored}\n        UNION ALL${computed}`;
}
