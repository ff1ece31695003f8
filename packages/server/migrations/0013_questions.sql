-- Questions asked at the struggle (issue 15) and the answers people gave.
--
-- `questions`: one row per version of a question; an edit or a deletion is a newer row
-- (`updated_at`) read with FINAL, deleted ones keep `deleted = 1`. A project has few.
-- `answers`: one row per widget outcome (shown, answered, dismissed), with the session,
-- the person, the page, the release, the signal that triggered it and that signal's
-- hotspot key (path pattern, element key, kind). Retries collapse on the same key as
-- `events`; reads go by question (results screen) or by project and range (hotspots).

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:questions}} {{on_cluster}}
(
    project_id LowCardinality(String),
    id String,
    text String,
    type LowCardinality(String),
    options Array(String),
    other UInt8,
    follow_up String,
    kinds Array(LowCardinality(String)),
    paths Array(String),
    hotspot_path String,
    hotspot_element String,
    release String,
    delay_ms UInt32,
    sample_rate Float64,
    starts_at Nullable(DateTime64(3, 'UTC')),
    ends_at Nullable(DateTime64(3, 'UTC')),
    status LowCardinality(String),
    created_at DateTime64(3, 'UTC'),
    updated_at DateTime64(3, 'UTC'),
    deleted UInt8 DEFAULT 0
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY (project_id, id);
-- distributed: questions BY cityHash64(project_id)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:answers}} {{on_cluster}}
(
    project_id LowCardinality(String),
    question_id String,
    session_id String,
    client_time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    event_id String,
    time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    received_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    anonymous_id String CODEC(ZSTD(1)),
    user_id String CODEC(ZSTD(1)),
    page_id String CODEC(ZSTD(1)),
    path String CODEC(ZSTD(3)),
    path_pattern LowCardinality(String),
    release LowCardinality(String),
    signal_id String,
    signal_kind LowCardinality(String),
    element_key String CODEC(ZSTD(3)),
    element_selector String CODEC(ZSTD(3)),
    element_tag LowCardinality(String),
    element_text String CODEC(ZSTD(3)),
    outcome LowCardinality(String),
    choice String CODEC(ZSTD(3)),
    rating UInt8,
    text String CODEC(ZSTD(3)),
    INDEX idx_time time TYPE minmax GRANULARITY 4
)
ENGINE = {{engine:ReplacingMergeTree(received_at)}}
PARTITION BY toYYYYMM(time)
ORDER BY (project_id, question_id, session_id, client_time, event_id)
TTL toDateTime(time) + toIntervalDay({retention_days:UInt32})
SETTINGS index_granularity = 8192, fsync_after_insert = 1, fsync_part_directory = 1;
-- distributed: answers BY cityHash64(session_id)
