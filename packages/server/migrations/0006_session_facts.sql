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
