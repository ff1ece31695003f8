-- Projects, their public ingest keys, instance settings, events and replay chunks.
--
-- Macros (see src/store/render-migration.ts): {{table:x}} names a data table (x_local on a
-- cluster), {{on_cluster}} adds ON CLUSTER, {{engine:E}} becomes Replicated E on a cluster,
-- and "-- distributed: x BY key" adds the Distributed table x over x_local on a cluster.
-- Retries are deduplicated by ReplacingMergeTree on keys that a retry repeats exactly
-- (project, session, client time, event id); readers use FINAL or count distinct ids.

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:projects}} {{on_cluster}}
(
    id String,
    name String,
    created_at DateTime64(3, 'UTC'),
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY id;
-- distributed: projects BY cityHash64(id)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:project_keys}} {{on_cluster}}
(
    key String,
    project_id String,
    kind LowCardinality(String),
    created_at DateTime64(3, 'UTC'),
    revoked UInt8 DEFAULT 0,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY key;
-- distributed: project_keys BY cityHash64(key)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:instance_settings}} {{on_cluster}}
(
    name String,
    value String,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY name;
-- distributed: instance_settings BY cityHash64(name)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:events}} {{on_cluster}}
(
    project_id LowCardinality(String),
    session_id String,
    client_time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    event_id String,
    type LowCardinality(String),
    time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    received_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    page_id String CODEC(ZSTD(1)),
    url String CODEC(ZSTD(3)),
    path String CODEC(ZSTD(3)),
    path_pattern LowCardinality(String),
    anonymous_id String CODEC(ZSTD(1)),
    user_id String CODEC(ZSTD(1)),
    release LowCardinality(String),
    sdk LowCardinality(String),
    browser LowCardinality(String),
    browser_version LowCardinality(String),
    os LowCardinality(String),
    device LowCardinality(String),
    navigation LowCardinality(String),
    signal_kind LowCardinality(String),
    element_selector String CODEC(ZSTD(3)),
    element_tag LowCardinality(String),
    element_text String CODEC(ZSTD(3)),
    element_test_id String CODEC(ZSTD(3)),
    element_aria_label String CODEC(ZSTD(3)),
    element_role LowCardinality(String),
    x UInt32,
    y UInt32,
    page_width UInt32,
    page_height UInt32,
    viewport_width UInt32,
    viewport_height UInt32,
    scroll_depth UInt32,
    scroll_reversals UInt32,
    status UInt16,
    duration_ms Float64,
    name LowCardinality(String),
    value Float64,
    message String CODEC(ZSTD(3)),
    data String CODEC(ZSTD(3)),
    INDEX idx_time time TYPE minmax GRANULARITY 4,
    INDEX idx_type type TYPE set(16) GRANULARITY 4
)
ENGINE = {{engine:ReplacingMergeTree(received_at)}}
PARTITION BY toYYYYMM(time)
ORDER BY (project_id, session_id, client_time, event_id)
TTL toDateTime(time) + toIntervalDay({retention_days:UInt32})
SETTINGS index_granularity = 8192, fsync_after_insert = 1, fsync_part_directory = 1;
-- distributed: events BY cityHash64(session_id)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:replay_chunks}} {{on_cluster}}
(
    project_id LowCardinality(String),
    session_id String,
    client_time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    event_id String,
    page_id String,
    seq UInt32,
    time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    received_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    url String CODEC(ZSTD(3)),
    full_snapshot UInt8,
    event_count UInt32,
    first_timestamp Int64,
    last_timestamp Int64,
    data String CODEC(ZSTD(6))
)
ENGINE = {{engine:ReplacingMergeTree(received_at)}}
PARTITION BY toYYYYMM(time)
ORDER BY (project_id, session_id, client_time, event_id)
TTL toDateTime(time) + toIntervalDay({retention_days:UInt32})
SETTINGS index_granularity = 1024, fsync_after_insert = 1, fsync_part_directory = 1;
-- distributed: replay_chunks BY cityHash64(session_id)
