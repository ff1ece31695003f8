-- Session facts: everything the reports need about a session that is over, computed once
-- when it is over instead of on every request (issue 5: hotspots and session search read
-- these rows, not page views). Replaces `journey_signals` (0005), whose quick backs, dead
-- ends, excessive-scroll candidates and `view` rows it keeps, and adds:
-- - a `session` row per session: start, end, entry and exit page, the paths and path
--   patterns seen, pages, person and device, signal counts and errors, all over the whole
--   session, so a session search is a sorted read with no GROUP BY,
-- - the SDK's signals, with the session's figures each hotspot needs already judged:
--   `abandoned` (the session ended within 60 s of the signal, or never reached a later
--   page) and `offset_ms` (where the signal is in the replay); journey signals carry both too.
-- The rows and their rules are `sessionFactsSql` in src/reports/session-facts-sql.ts:
-- the view's query below is that text for the settled sessions (a test keeps them equal),
-- and readers compute the same rows live for sessions that received data since.
--
-- Refresh, coverage and cancellation work as in 0005: every minute the view covers the
-- sessions whose activity falls between the previous coverage and now − 31 min, cancels
-- the rows they had (a copy with sign −1 and the same version) and appends new ones with
-- its own version. Readers take rows with sign 1 whose (session, version) has no −1 copy,
-- so they are right whether or not parts have merged, with no FINAL and no GROUP BY.
-- The first refresh covers every session stored so far (the backfill).

DROP VIEW IF EXISTS {db:Identifier}.journey_signals_mv;

DROP TABLE IF EXISTS {db:Identifier}.journey_signals {{on_cluster}};

DROP TABLE IF EXISTS {db:Identifier}.{{table:journey_signals}} {{on_cluster}};

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:session_facts}} {{on_cluster}}
(
    project_id LowCardinality(String),
    kind LowCardinality(String),
    start DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    session_id String CODEC(ZSTD(1)),
    event_id String CODEC(ZSTD(1)),
    time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    client_time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    path String CODEC(ZSTD(3)),
    path_pattern LowCardinality(String),
    person String CODEC(ZSTD(1)),
    user_id String CODEC(ZSTD(1)),
    anonymous_id String CODEC(ZSTD(1)),
    release LowCardinality(String),
    browser LowCardinality(String),
    device LowCardinality(String),
    reversals UInt32,
    element_key String CODEC(ZSTD(3)),
    element_selector String CODEC(ZSTD(3)),
    element_tag LowCardinality(String),
    element_text String CODEC(ZSTD(3)),
    abandoned UInt8,
    offset_ms Int64,
    exit_path String CODEC(ZSTD(3)),
    paths Array(String) CODEC(ZSTD(3)),
    path_patterns Array(LowCardinality(String)),
    pages UInt32,
    signal_counts Map(LowCardinality(String), UInt32),
    errors UInt32,
    version UInt64,
    sign Int8
)
ENGINE = {{engine:VersionedCollapsingMergeTree(sign, version)}}
PARTITION BY toYYYYMM(start)
ORDER BY (project_id, kind, start, session_id, event_id)
TTL toDateTime(start) + toIntervalDay({retention_days:UInt32});
-- distributed: session_facts BY cityHash64(session_id)

-- On a cluster the view lives on the node that ran the migration only (no ON CLUSTER): one
-- refresh per cluster, reading and writing through the Distributed tables.
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
FROM (
    WITH
    page_groups AS (
        SELECT project_id, session_id, page_id,
               min(start) AS start_time, max(end) AS end_time,
               min(start_client) AS start_client_time, max(end_client) AS end_client_time,
               max(viewed) AS was_viewed,
               max(path) AS path, max(path_pattern) AS path_pattern, max(navigation) AS navigation,
               sum(interactions) AS interactions, sum(struggles) AS struggles, max(reversals) AS reversals,
               max(user_id) AS user_id, max(anonymous_id) AS anonymous_id,
               if(user_id != '', user_id, anonymous_id) AS person, max(release) AS release,
               max(browser) AS browser, max(device) AS device
        FROM {db:Identifier}.page_views
        WHERE (project_id, session_id) IN settled
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
                     AND dateDiff('millisecond', end_time, computed_at) > 1800000 AS ended_here,
                   dateDiff('millisecond', start_time, next_time) AS dwell_ms,
                   previous_path != '' AND next_path = previous_path AND path != previous_path
                     AND next_navigation = 'back_forward' AND interactions = 0
                     AND dwell_ms BETWEEN 500 AND 5000
                     AND NOT match(path, '(?i)/(log-?in|log-?out|sign-?in|sign-?out|sign-?up|auth|oauth2?|sso|callback)(/|$)') AS is_quick_back
            FROM page_groups
            WHERE was_viewed = 1
            WINDOW w AS (PARTITION BY project_id, session_id ORDER BY start_time, page_id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        )
        ARRAY JOIN arrayFilter(k -> k != '', [
            'view',
            if(is_quick_back, 'quick_back', ''),
            if(is_quick_back OR (struggles > 0 AND (ended_here OR next_navigation = 'back_forward')), 'dead_end', ''),
            if(reversals >= 4, 'excessive_scroll', '')
        ]) AS kind
    ),
    sdk AS (
        SELECT project_id, session_id, event_id, type, signal_kind, time, client_time, path, path_pattern,
               multiIf(
    element_test_id != '', concat('[data-testid="', element_test_id, '"]'),
    element_aria_label != '', concat(element_tag, '[aria-label="', element_aria_label, '"]'),
    element_selector) AS element_key, element_selector, element_tag, element_text,
               user_id, anonymous_id, if(user_id != '', user_id, anonymous_id) AS person, release, browser, device
        FROM {db:Identifier}.key_events
        WHERE type IN ('signal', 'error') AND (project_id, session_id) IN settled
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
        SELECT project_id, session_id,
               CAST(sumMap(map(kind, toUInt32(1))), 'Map(String, UInt32)') AS judged_counts
        FROM journey
        WHERE kind IN ('quick_back', 'dead_end')
        GROUP BY project_id, session_id
    )

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
    LEFT JOIN journey_counts AS j ON j.project_id = s.project_id AND j.session_id = s.session_id
    UNION ALL

    SELECT r.project_id AS project_id, r.kind AS kind, r.start_time AS start, r.session_id AS session_id,
           concat(r.kind, ':', r.page_id) AS event_id, r.end_time AS time, r.end_client_time AS client_time,
           r.path AS path, r.path_pattern AS path_pattern, r.person AS person, r.user_id AS user_id,
           r.anonymous_id AS anonymous_id, r.release AS release, r.browser AS browser, r.device AS device,
           r.reversals AS reversals, '' AS element_key, '' AS element_selector, '' AS element_tag,
           '' AS element_text,
           toUInt8(r.kind != 'view' AND (dateDiff('millisecond', r.end_time, b.session_end) <= 60000
                                        OR b.last_page_start <= r.end_time)) AS abandoned,
           if(r.kind = 'view', 0, dateDiff('millisecond', b.session_start_client, r.end_client_time)) AS offset_ms,
           '' AS exit_path, [] AS paths, [] AS path_patterns, toUInt32(0) AS pages,
           CAST(map(), 'Map(String, UInt32)') AS signal_counts, toUInt32(0) AS errors
    FROM journey AS r
    INNER JOIN bounds AS b ON b.project_id = r.project_id AND b.session_id = r.session_id
    UNION ALL

    SELECT e.project_id AS project_id, e.signal_kind AS kind, e.time AS start, e.session_id AS session_id,
           e.event_id AS event_id, e.time AS time, e.client_time AS client_time, e.path AS path,
           e.path_pattern AS path_pattern, e.person AS person,
           e.user_id AS user_id, e.anonymous_id AS anonymous_id, e.release AS release, e.browser AS browser,
           e.device AS device, toUInt32(0) AS reversals, e.element_key AS element_key,
           e.element_selector AS element_selector, e.element_tag AS element_tag, e.element_text AS element_text,
           toUInt8(dateDiff('millisecond', e.time, b.session_end) <= 60000
                   OR b.last_page_start <= e.time) AS abandoned,
           dateDiff('millisecond', b.session_start_client, e.client_time) AS offset_ms,
           '' AS exit_path, [] AS paths, [] AS path_patterns, toUInt32(0) AS pages,
           CAST(map(), 'Map(String, UInt32)') AS signal_counts, toUInt32(0) AS errors
    FROM sdk AS e
    INNER JOIN bounds AS b ON b.project_id = e.project_id AND b.session_id = e.session_id
    WHERE e.type = 'signal'
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
