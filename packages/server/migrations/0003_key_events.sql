-- Signal, click and error events again, sorted by kind and time instead of by session:
-- a report over a time range reads only these rows (a few percent of all events), where
-- the `events` table would read every granule of the range because they are sprinkled
-- through every session. Filled by a materialized view as events are inserted; readers
-- count distinct event ids, so retried duplicates do not matter.

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:key_events}} {{on_cluster}}
(
    project_id LowCardinality(String),
    type LowCardinality(String),
    time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    session_id String,
    event_id String,
    client_time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    page_id String CODEC(ZSTD(1)),
    path String CODEC(ZSTD(3)),
    path_pattern LowCardinality(String),
    signal_kind LowCardinality(String),
    element_selector String CODEC(ZSTD(3)),
    element_tag LowCardinality(String),
    element_text String CODEC(ZSTD(3)),
    element_test_id String CODEC(ZSTD(3)),
    element_aria_label String CODEC(ZSTD(3)),
    x UInt32,
    y UInt32,
    page_width UInt32,
    user_id String CODEC(ZSTD(1)),
    anonymous_id String CODEC(ZSTD(1)),
    release LowCardinality(String),
    browser LowCardinality(String),
    device LowCardinality(String)
)
ENGINE = {{engine:ReplacingMergeTree}}
PARTITION BY toYYYYMM(time)
ORDER BY (project_id, type, time, session_id, event_id)
TTL toDateTime(time) + toIntervalDay({retention_days:UInt32});
-- distributed: key_events BY cityHash64(session_id)

CREATE MATERIALIZED VIEW IF NOT EXISTS {db:Identifier}.{{table:key_events_mv}} {{on_cluster}}
TO {db:Identifier}.{{table:key_events}}
AS SELECT
    project_id, type, time, session_id, event_id, client_time, page_id, path, path_pattern, signal_kind,
    element_selector, element_tag, element_text, element_test_id, element_aria_label, x, y, page_width,
    user_id, anonymous_id, release, browser, device
FROM {db:Identifier}.{{table:events}}
WHERE type IN ('signal', 'click', 'error');

-- Key events stored before this migration (the view only sees new inserts).
INSERT INTO {db:Identifier}.key_events
SELECT
    project_id, type, time, session_id, event_id, client_time, page_id, path, path_pattern, signal_kind,
    element_selector, element_tag, element_text, element_test_id, element_aria_label, x, y, page_width,
    user_id, anonymous_id, release, browser, device
FROM {db:Identifier}.events
WHERE type IN ('signal', 'click', 'error');
