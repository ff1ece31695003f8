-- Sessions erased at a person's request (DELETE …/people/:person), so that rows still on
-- their way (a tab left open, a browser's offline queue, another server's spool) are
-- dropped at ingest instead of bringing the session back. Only a SHA-256 digest of the
-- session id is kept; a row expires with the retention, as the data it stood for did.

CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:erased_sessions}} {{on_cluster}}
(
    project_id String,
    session_hash String,
    erased_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(erased_at)}}
ORDER BY (project_id, session_hash)
TTL toDateTime(erased_at) + toIntervalDay({retention_days:UInt32});
-- distributed: erased_sessions BY cityHash64(project_id)
