-- Excessive scrolling judged once, by a stable rule, and stored with the session facts
-- (issue 16). Until now a page view with ≥ 4 scroll reversals was stored as a candidate and
-- every report judged it against its path's p90 over the report's own range, so one session's
-- signal came and went with the range asked for, and every hotspot and report read paid for a
-- histogram of all the range's page views. Now the refresh view judges it against the path's
-- usual level over the 28 days before it (other sessions' page views, `usual-scroll-sql.ts`)
-- and stores only the signals: readers count the rows as they are.
--
-- The view is recreated with the rules of the code (the session-facts macro below, which 0006
-- now spells out as it shipped). The coverage marks are deleted so the next refresh covers every
-- session again (the backfill, as after 0006): it cancels the rows stored under the old rules,
-- candidates included, and writes them anew.

DROP VIEW IF EXISTS {db:Identifier}.session_facts_mv;

DELETE FROM {db:Identifier}.{{table:session_facts}} {{on_cluster}} WHERE project_id = '' AND kind = 'coverage';

CREATE MATERIALIZED VIEW IF NOT EXISTS {db:Identifier}.session_facts_mv
REFRESH EVERY 1 MINUTE APPEND
TO {db:Identifier}.session_facts
AS
WITH
    (SELECT max(time) FROM {db:Identifier}.session_facts
     WHERE project_id = '' AND kind = 'coverage') AS covered,
    now64(3, 'UTC') AS computed_at,
    computed_at - toIntervalMinute(31) AS covering,
    toUInt64(toUnixTimestamp64Milli(computed_at)) AS refresh_version,
settled AS (
    SELECT DISTINCT project_id, session_id FROM {db:Identifier}.session_activity
    WHERE last_seen > covered AND last_seen <= covering
)
SELECT project_id, kind, start, session_id, event_id, time, client_time, path, path_pattern,
       person, user_id, anonymous_id, release, browser, device, reversals,
       element_key, element_selector, element_tag, element_text,
       abandoned, offset_ms, exit_path, paths, path_patterns, pages, signal_counts, errors,
       refresh_version AS version, 1 AS sign
FROM ({{session_facts_sql}}
)
UNION ALL
-- The rows these sessions had, cancelled: a copy of each row still counted, with sign −1,
-- and the earlier coverage rows. (Aliases other than the columns': WHERE and HAVING would
-- read an alias `sign` as the constant.)
SELECT project_id, kind, start, session_id, event_id, any(time), any(client_time), any(path), any(path_pattern),
       any(person), any(user_id), any(anonymous_id), any(release), any(browser), any(device), any(reversals),
       any(element_key), any(element_selector), any(element_tag), any(element_text),
       any(abandoned), any(offset_ms), any(exit_path), any(paths), any(path_patterns), any(pages),
       any(signal_counts), any(errors), version AS cancelled_version, -1 AS cancel
FROM {db:Identifier}.session_facts
WHERE (project_id != '' AND (project_id, session_id) IN settled) OR (project_id = '' AND kind = 'coverage')
GROUP BY project_id, kind, start, session_id, event_id, version
HAVING sum(sign) > 0
UNION ALL
SELECT '' AS project_id, 'coverage' AS kind, toStartOfDay(covering) AS start, '' AS session_id,
       'coverage' AS event_id, covering AS time, covering AS client_time, '' AS path, '' AS path_pattern,
       '' AS person, '' AS user_id, '' AS anonymous_id, '' AS release, '' AS browser, '' AS device, 0 AS reversals,
       '' AS element_key, '' AS element_selector, '' AS element_tag, '' AS element_text, 0 AS abandoned, 0 AS offset_ms, '' AS exit_path, [] AS paths,
       [] AS path_patterns, 0 AS pages, CAST(map(), 'Map(String, UInt32)') AS signal_counts, 0 AS errors,
       refresh_version AS version, 1 AS sign;
