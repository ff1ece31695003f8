-- Dashboard accounts, their project memberships, sign-in sessions, invites and per-project
-- API tokens. Rows are small and few; each table is a ReplacingMergeTree keyed by what a
-- request looks up, and a change (revocation, new role) is a newer row read with FINAL.
-- Secrets (session ids, invite and API tokens) are stored only as SHA-256 digests, and
-- passwords only as argon2id hashes.

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:users}} {{on_cluster}}
(
    id String,
    email String,
    password_hash String,
    created_at DateTime64(3, 'UTC'),
    disabled UInt8 DEFAULT 0,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY id;
-- distributed: users BY cityHash64(id)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:memberships}} {{on_cluster}}
(
    project_id String,
    user_id String,
    role LowCardinality(String),
    removed UInt8 DEFAULT 0,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY (project_id, user_id);
-- distributed: memberships BY cityHash64(project_id)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:auth_sessions}} {{on_cluster}}
(
    id_hash String,
    user_id String,
    admin_fingerprint String,
    csrf_token String,
    created_at DateTime64(3, 'UTC'),
    expires_at DateTime64(3, 'UTC'),
    revoked UInt8 DEFAULT 0,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY id_hash
TTL toDateTime(expires_at) + INTERVAL 1 DAY;
-- distributed: auth_sessions BY cityHash64(id_hash)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:invites}} {{on_cluster}}
(
    token_hash String,
    project_id String,
    email String,
    role LowCardinality(String),
    invited_by String,
    created_at DateTime64(3, 'UTC'),
    expires_at DateTime64(3, 'UTC'),
    accepted UInt8 DEFAULT 0,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY token_hash
TTL toDateTime(expires_at) + INTERVAL 30 DAY;
-- distributed: invites BY cityHash64(token_hash)

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:api_tokens}} {{on_cluster}}
(
    id String,
    token_hash String,
    project_id String,
    name String,
    scope LowCardinality(String),
    created_by String,
    created_at DateTime64(3, 'UTC'),
    revoked UInt8 DEFAULT 0,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY token_hash;
-- distributed: api_tokens BY cityHash64(token_hash)
