-- Alert rules, per-hotspot dedupe of fired alerts, weekly digest settings and the lease that
-- lets one server of several evaluate them (issue 18; rules in docs/alerts.md).
-- Rules and digest settings are edited rows read with FINAL (the newest `updated_at` wins; a
-- deletion is a row with deleted = 1). A firing remembers that a rule already alerted about a
-- hotspot in a window, so the next evaluation does not send it again. Lease claims are
-- append-only and kept a day.

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:alert_rules}} {{on_cluster}}
(
    project_id String,
    id String,
    name String,
    kind LowCardinality(String),
    params String,
    channel_ids Array(String),
    muted String,
    snoozed_until DateTime64(3, 'UTC'),
    enabled UInt8,
    deleted UInt8 DEFAULT 0,
    created_by String,
    created_at DateTime64(3, 'UTC'),
    updated_by String,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY (project_id, id);
-- distributed: alert_rules BY cityHash64(project_id)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:alert_firings}} {{on_cluster}}
(
    project_id String,
    rule_id String,
    dedupe_key String,
    alert_id String,
    fired_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(fired_at)}}
ORDER BY (project_id, rule_id, dedupe_key)
TTL toDateTime(fired_at) + INTERVAL 400 DAY;
-- distributed: alert_firings BY cityHash64(project_id)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:alert_digests}} {{on_cluster}}
(
    project_id String,
    channel_ids Array(String),
    weekday UInt8,
    hour UInt8,
    enabled UInt8,
    updated_by String,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY project_id;
-- distributed: alert_digests BY cityHash64(project_id)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:alert_leases}} {{on_cluster}}
(
    round String,
    holder String,
    claimed_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:MergeTree}}
ORDER BY (round, claimed_at, holder)
TTL toDateTime(claimed_at) + INTERVAL 1 DAY;
-- distributed: alert_leases BY cityHash64(round)
