-- Page views, pre-aggregated from events as they are inserted, for the friction reports:
-- journey signals (quick backs, dead ends, excessive scrolling), session search, trends
-- and page figures read one row per page view instead of every event.
--
-- The materialized view sees every inserted row, retried duplicates included, so each
-- column is an aggregate that a duplicate cannot change (min / max), or a count that
-- readers only compare with zero (interactions, struggles). Readers GROUP BY
-- (session_id, page_id) to finish the aggregation.

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:page_views}} {{on_cluster}}
(
    project_id LowCardinality(String),
    session_id String,
    page_id String,
    start SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    end SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    start_client SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    end_client SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    viewed SimpleAggregateFunction(max, UInt8),
    path SimpleAggregateFunction(max, String),
    path_pattern SimpleAggregateFunction(max, String),
    navigation SimpleAggregateFunction(max, String),
    interactions SimpleAggregateFunction(sum, UInt64),
    struggles SimpleAggregateFunction(sum, UInt64),
    reversals SimpleAggregateFunction(max, UInt32),
    scroll_depth SimpleAggregateFunction(max, UInt32),
    page_height SimpleAggregateFunction(max, UInt32),
    user_id SimpleAggregateFunction(max, String),
    anonymous_id SimpleAggregateFunction(max, String),
    release SimpleAggregateFunction(max, String),
    browser SimpleAggregateFunction(max, String),
    device SimpleAggregateFunction(max, String),
    INDEX idx_start start TYPE minmax GRANULARITY 1
)
ENGINE = {{engine:AggregatingMergeTree}}
PARTITION BY toYYYYMM(start)
ORDER BY (project_id, session_id, page_id)
TTL toDateTime(start) + toIntervalDay({retention_days:UInt32});
-- distributed: page_views BY cityHash64(session_id)

CREATE MATERIALIZED VIEW IF NOT EXISTS {db:Identifier}.{{table:page_views_mv}} {{on_cluster}}
TO {db:Identifier}.{{table:page_views}}
AS SELECT
    project_id,
    session_id,
    page_id,
    min(time) AS start,
    max(time) AS end,
    min(client_time) AS start_client,
    max(client_time) AS end_client,
    max(type = 'page') AS viewed,
    max(path) AS path,
    max(toString(path_pattern)) AS path_pattern,
    maxIf(toString(navigation), type = 'page') AS navigation,
    countIf(type IN ('click', 'input', 'scroll')) AS interactions,
    countIf(type = 'signal') AS struggles,
    max(scroll_reversals) AS reversals,
    maxIf(scroll_depth, type = 'scroll') AS scroll_depth,
    maxIf(page_height, type = 'scroll') AS page_height,
    max(user_id) AS user_id,
    max(anonymous_id) AS anonymous_id,
    max(toString(release)) AS release,
    max(toString(browser)) AS browser,
    max(toString(device)) AS device
FROM {db:Identifier}.{{table:events}}
WHERE page_id != ''
GROUP BY project_id, session_id, page_id;

-- Page views of events stored before this migration (the view only sees new inserts); through
-- the Distributed tables on a cluster, so every shard's events are covered.
INSERT INTO {db:Identifier}.page_views
SELECT
    project_id, session_id, page_id, min(time), max(time), min(client_time), max(client_time),
    max(type = 'page'), max(path), max(toString(path_pattern)), maxIf(toString(navigation), type = 'page'),
    countIf(type IN ('click', 'input', 'scroll')), countIf(type = 'signal'), max(scroll_reversals),
    maxIf(scroll_depth, type = 'scroll'), maxIf(page_height, type = 'scroll'),
    max(user_id), max(anonymous_id), max(toString(release)), max(toString(browser)), max(toString(device))
FROM {db:Identifier}.events
WHERE page_id != ''
GROUP BY project_id, session_id, page_id;
