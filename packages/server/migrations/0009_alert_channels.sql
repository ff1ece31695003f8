-- Alert delivery: where a project's alerts go (channels), what was sent (alerts) and how each
-- send went (alert_deliveries). Channels are few per project; a change or deletion is a newer
-- row read with FINAL. A webhook channel's secret is kept as it is, not as a digest: the
-- server signs every request with it (HMAC-SHA256), and admins see it so receivers can verify.
-- A delivery's status moves pending → sent or failed as newer rows with a higher `version`;
-- pending rows are read again when the server starts, so a restart does not lose them.

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:alert_channels}} {{on_cluster}}
(
    project_id String,
    id String,
    name String,
    type LowCardinality(String),
    -- The channel's settings as JSON: {"url","format"} for a webhook, {"addresses"} for email.
    settings String,
    secret String,
    created_at DateTime64(3, 'UTC'),
    deleted UInt8 DEFAULT 0,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY (project_id, id);
-- distributed: alert_channels BY cityHash64(project_id)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:alerts}} {{on_cluster}}
(
    project_id String,
    id String,
    kind LowCardinality(String),
    title String,
    text String CODEC(ZSTD(3)),
    html String CODEC(ZSTD(3)),
    payload String CODEC(ZSTD(3)),
    created_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:MergeTree}}
ORDER BY (project_id, created_at, id)
TTL toDateTime(created_at) + INTERVAL 400 DAY;
-- distributed: alerts BY cityHash64(project_id)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:alert_deliveries}} {{on_cluster}}
(
    project_id String,
    alert_id String,
    channel_id String,
    channel_type LowCardinality(String),
    channel_name String,
    status LowCardinality(String),
    attempts UInt16,
    last_error String,
    next_attempt_at DateTime64(3, 'UTC'),
    sent_at Nullable(DateTime64(3, 'UTC')),
    created_at DateTime64(3, 'UTC'),
    updated_at DateTime64(3, 'UTC'),
    version UInt32
)
ENGINE = {{engine:ReplacingMergeTree(version)}}
ORDER BY (project_id, alert_id, channel_id)
TTL toDateTime(created_at) + INTERVAL 400 DAY;
-- distributed: alert_deliveries BY cityHash64(project_id)
