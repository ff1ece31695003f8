/**
 * The hotspot list as one would first write it against the raw table: FINAL to
 * drop retried duplicates, every session's end computed for the join, no
 * pre-aggregation. SDK signals only (no journey signals, no page share, no
 * previous period), so it does less than the API — a lower bound for "naive".
 */
export const NAIVE_HOTSPOTS_SQL = `
SELECT s.path_pattern, s.element_key, s.signal_kind,
       count() AS occurrences,
       uniqExact(s.session_id) AS sessions,
       uniqExact(s.person) AS users,
       uniqExactIf(s.session_id, dateDiff('millisecond', s.time, e.end_time) <= 60000 OR e.last_page_time <= s.time)
         AS abandoned_sessions,
       sessions + abandoned_sessions AS impact
FROM (
    SELECT session_id, time, path_pattern, signal_kind,
           if(element_test_id != '', element_test_id, element_selector) AS element_key,
           if(user_id != '', user_id, anonymous_id) AS person
    FROM {db:Identifier}.events FINAL
    WHERE project_id = {project:String} AND type = 'signal'
      AND time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
) AS s
INNER JOIN (
    SELECT session_id, max(time) AS end_time, maxIf(time, type = 'page') AS last_page_time
    FROM {db:Identifier}.events FINAL
    WHERE project_id = {project:String}
    GROUP BY session_id
) AS e ON e.session_id = s.session_id
GROUP BY s.path_pattern, s.element_key, s.signal_kind
ORDER BY impact DESC
LIMIT 20`;
