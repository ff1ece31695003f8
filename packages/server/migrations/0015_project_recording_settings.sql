-- Per-project recording settings, set by the project's admins (issue 14) and read by the SDK
-- through `/v1/config`: the replay mode, its sample rate, what keeps an `on-struggle` replay and
-- its pre-roll, extra mask and block selectors, and the feedback tab (issue 15). Every change is
-- a new row with who made it and when, so the table is the settings' audit trail; reads take the
-- project's latest row (`ORDER BY updated_at DESC LIMIT 1`), which the sort key serves.
CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:project_recording_settings}} {{on_cluster}}
(
    project_id String,
    replay LowCardinality(String),
    replay_sample_rate Float64,
    triggers Array(LowCardinality(String)),
    replay_buffer_ms UInt32,
    mask_selectors Array(String),
    block_selectors Array(String),
    feedback_enabled UInt8,
    feedback_label String,
    feedback_question String,
    updated_by String,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:MergeTree}}
ORDER BY (project_id, updated_at);
-- distributed: project_recording_settings BY cityHash64(project_id)
