/**
 * Page views from the `page_views` table (migration 0002), finished: one row
 * per (session, page view) that started in the window. `from` and `to` name
 * DateTime64 expressions; the query uses the `project` parameter.
 *
 * Raw rows are pre-filtered a day wide of the window (partial rows of one page
 * view start no earlier than the view itself, which rarely lasts a day), so
 * partitions and the start index prune before the exact HAVING.
 */
export function pageViewsSql(from: string, to: string): string {
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
    WHERE project_id = {project:String}
      AND start >= ${from} - toIntervalDay(1) AND start < ${to}
    GROUP BY session_id, page_id
    HAVING max(viewed) = 1 AND start_time >= ${from} AND start_time < ${to}`;
}
