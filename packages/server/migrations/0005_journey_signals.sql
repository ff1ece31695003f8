-- Journey signals (quick backs, dead ends, excessive scrolling) precomputed for sessions
-- that are over, so reports stop running window functions over page views on every
-- request. Readers (src/reports/journey-signals-sql.ts) take these rows for the sessions
-- the last refresh covered and compute the rest live with the same rules.
--
-- 1. `session_activity`: when each session last received data (insert time, or its latest
--    event time if that is later), one row per session and insert, sorted by that time.
--    Sessions active since the last refresh are found by a range read; data inserted now
--    with old timestamps (imports, the generator, tests) counts as new activity.
-- 2. `journey_signals`: written by a refreshable materialized view every minute. Each
--    refresh covers the sessions whose activity falls between the previous refresh's
--    coverage and now − 31 min (quiet for SESSION_ENDED_AFTER_MS = 30 min plus a minute of
--    margin: a dead end on the last page is only certain once the session is over),
--    judges them over the whole session and appends, per page view, a `view` row (its
--    path, scroll reversals, person and browser: session search lists finished sessions
--    from these, and the usual scroll level of a path over any range is counted from
--    them) and a row per journey signal. `excessive_scroll` rows are candidates (≥ 4
--    reversals): whether a view is above its path's usual level depends on the report's
--    range, so readers compare `reversals` then. A coverage row (project '') tells readers
--    how far the refresh got.
--    VersionedCollapsingMergeTree: when a late event makes a session active again, the
--    refresh that covers it next cancels the rows it had (a copy of each with sign −1 and
--    the same version, so exactly that row collapses with it, in any order) and appends the
--    new ones with its own version, so sums of `sign` are right whether or not parts have
--    merged: readers count views with sum(sign) and keep signals whose sum(sign) > 0, and a
--    session's current rows are its one version whose rows sum above 0; no FINAL. Earlier
--    coverage rows are cancelled the same way.
--
-- The rules mirror src/reports/constants.ts: QUICK_BACK_MIN_DWELL_MS 500,
-- QUICK_BACK_WINDOW_MS 5000, AUTH_PATH_REGEX, SESSION_ENDED_AFTER_MS 1800000,
-- EXCESSIVE_SCROLL_MIN_REVERSALS 4 (test/reports/reports-precomputed.test.ts checks that
-- reports over refreshed rows equal the live computation).

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:session_activity}} {{on_cluster}}
(
    project_id LowCardinality(String),
    last_seen DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    session_id String CODEC(ZSTD(1))
)
ENGINE = {{engine:MergeTree}}
PARTITION BY toYYYYMM(last_seen)
ORDER BY (project_id, last_seen, session_id)
TTL toDateTime(last_seen) + toIntervalDay({retention_days:UInt32});
-- distributed: session_activity BY cityHash64(session_id)

CREATE MATERIALIZED VIEW IF NOT EXISTS {db:Identifier}.{{table:session_activity_mv}} {{on_cluster}}
TO {db:Identifier}.{{table:session_activity}}
AS SELECT project_id, greatest(now64(3, 'UTC'), max(time)) AS last_seen, session_id
FROM {db:Identifier}.{{table:events}}
WHERE page_id != ''
GROUP BY project_id, session_id;

-- Activity of the sessions stored before this migration: their receive time (before the
-- view above existed, events were only received, never imported).
INSERT INTO {db:Identifier}.session_activity
SELECT project_id, greatest(max(received_at), max(time)), session_id
FROM {db:Identifier}.events
WHERE page_id != ''
GROUP BY project_id, session_id;

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:journey_signals}} {{on_cluster}}
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
    version UInt64,
    sign Int8
)
ENGINE = {{engine:VersionedCollapsingMergeTree(sign, version)}}
PARTITION BY toYYYYMM(start)
ORDER BY (project_id, kind, start, session_id, event_id)
TTL toDateTime(start) + toIntervalDay({retention_days:UInt32});
-- distributed: journey_signals BY cityHash64(session_id)

-- The first refresh runs when the view is created and covers every session stored so far
-- (the backfill); later ones cover what became quiet since. On a cluster the view lives on
-- the node that ran the migration only (no ON CLUSTER): one refresh per cluster, reading
-- and writing through the Distributed tables.
CREATE MATERIALIZED VIEW IF NOT EXISTS {db:Identifier}.journey_signals_mv
REFRESH EVERY 1 MINUTE APPEND
TO {db:Identifier}.journey_signals
AS
WITH
    (SELECT max(time) FROM {db:Identifier}.journey_signals
     WHERE project_id = '' AND kind = 'coverage') AS covered,
    now64(3, 'UTC') AS computed_at,
    computed_at - toIntervalMinute(31) AS covering,
    toUInt64(toUnixTimestamp64Milli(computed_at)) AS refresh_version,
settled AS (
    SELECT DISTINCT project_id, session_id FROM {db:Identifier}.session_activity
    WHERE last_seen > covered AND last_seen <= covering
),
views AS (
    SELECT project_id, session_id, page_id,
           min(start) AS start_time, max(end) AS end_time, max(end_client) AS end_client_time,
           max(path) AS path, max(path_pattern) AS path_pattern, max(navigation) AS navigation,
           sum(interactions) AS interactions, sum(struggles) AS struggles, max(reversals) AS reversals,
           max(user_id) AS user_id, max(anonymous_id) AS anonymous_id,
           if(user_id != '', user_id, anonymous_id) AS person, max(release) AS release,
           max(browser) AS browser, max(device) AS device
    FROM {db:Identifier}.page_views
    WHERE (project_id, session_id) IN settled
    GROUP BY project_id, session_id, page_id
    HAVING max(viewed) = 1
)
SELECT project_id, kind, start_time AS start, session_id, concat(kind, ':', page_id) AS event_id,
       end_time AS time, end_client_time AS client_time, path, path_pattern, person, user_id, anonymous_id,
       release, browser, device, reversals, refresh_version AS version, 1 AS sign
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
    FROM views
    WINDOW w AS (PARTITION BY project_id, session_id ORDER BY start_time, page_id
                 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
ARRAY JOIN arrayFilter(k -> k != '', [
    'view',
    if(is_quick_back, 'quick_back', ''),
    if(is_quick_back OR (struggles > 0 AND (ended_here OR next_navigation = 'back_forward')), 'dead_end', ''),
    if(reversals >= 4, 'excessive_scroll', '')
]) AS kind
UNION ALL
-- The rows these sessions had, cancelled: a copy of each row still counted, with sign −1,
-- and the earlier coverage rows. (Aliases other than the columns': WHERE and HAVING would
-- read an alias `sign` as the constant.)
SELECT project_id, kind, start, session_id, event_id, any(time), any(client_time), any(path), any(path_pattern),
       any(person), any(user_id), any(anonymous_id), any(release), any(browser), any(device), any(reversals),
       version AS cancelled_version, -1 AS cancel
FROM {db:Identifier}.journey_signals
WHERE (project_id != '' AND (project_id, session_id) IN settled) OR (project_id = '' AND kind = 'coverage')
GROUP BY project_id, kind, start, session_id, event_id, version
HAVING sum(sign) > 0
UNION ALL
SELECT '' AS project_id, 'coverage' AS kind, toStartOfDay(covering) AS start, '' AS session_id,
       'coverage' AS event_id, covering AS time, covering AS client_time, '' AS path, '' AS path_pattern,
       '' AS person, '' AS user_id, '' AS anonymous_id, '' AS release, '' AS browser, '' AS device, 0 AS reversals, refresh_version AS version, 1 AS sign;
