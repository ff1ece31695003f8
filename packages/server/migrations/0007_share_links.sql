-- Report share links: a read-only link to one project's friction report for a fixed range,
-- created by an admin or owner (or with the admin token) and revocable one by one. Only the
-- SHA-256 digest of the link's secret is stored. A revocation is a newer row read with FINAL;
-- a link also stops working when its creator loses admin access to the project, which is
-- checked on every open rather than stored. Rows go two weeks after they expire.

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:share_links}} {{on_cluster}}
(
    id String,
    token_hash String,
    project_id String,
    created_by String,
    admin_fingerprint String,
    range_from DateTime64(3, 'UTC'),
    range_to DateTime64(3, 'UTC'),
    tz String,
    created_at DateTime64(3, 'UTC'),
    expires_at DateTime64(3, 'UTC'),
    revoked UInt8 DEFAULT 0,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY token_hash
TTL toDateTime(expires_at) + INTERVAL 14 DAY;
-- distributed: share_links BY cityHash64(token_hash)
