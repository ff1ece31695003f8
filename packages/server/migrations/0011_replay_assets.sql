-- Stylesheets, fonts and images kept with replays, so a replay looks as the person saw it and
-- the analyst's browser never calls the recorded site. Bodies are content-addressed (SHA-256 of
-- what is served) within a project: one copy however many sessions and URLs use it. ClickHouse
-- holds them, not the data folder, so servers on a remote store stay stateless and backups,
-- erasure-free retention (a TTL) and object-storage tiering work as for replay chunks.

-- One row per stored body. `body_base64` is the body as base64 text (JSON inserts carry text
-- only). `last_used` moves forward while new sessions use the body, so it outlives each of them.
CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:asset_bodies}} {{on_cluster}}
(
    project_id LowCardinality(String),
    sha256 String,
    content_type LowCardinality(String),
    bytes UInt32,
    body_base64 String CODEC(ZSTD(3)),
    last_used DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(last_used)}}
ORDER BY (project_id, sha256)
TTL toDateTime(last_used) + toIntervalDay({retention_days:UInt32})
SETTINGS index_granularity = 256;
-- distributed: asset_bodies BY cityHash64(project_id, sha256)

-- What a session's replay uses: each URL seen in it, and the body it was kept as (`sha256`) or
-- why it could not be kept (`status` other than 'stored'). Read per session when it is replayed.
CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:replay_assets}} {{on_cluster}}
(
    project_id LowCardinality(String),
    session_id String,
    url String CODEC(ZSTD(3)),
    kind LowCardinality(String),
    status LowCardinality(String),
    http_status UInt16,
    sha256 String,
    content_type LowCardinality(String),
    bytes UInt32,
    detail String,
    time DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    fetched_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(fetched_at)}}
PARTITION BY toYYYYMM(time)
ORDER BY (project_id, session_id, url)
TTL toDateTime(time) + toIntervalDay({retention_days:UInt32});
-- distributed: replay_assets BY cityHash64(session_id)
