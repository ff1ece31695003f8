-- Per-project settings of replay assets, set by the project's admins. `sdk_bodies`: the SDK may
-- send the bodies of same-origin stylesheets, fonts and images the server could not fetch itself
-- (behind sign-in, on an intranet); off unless a row says otherwise. One row per project, the
-- latest `updated_at` wins; read by primary key on each SDK request that depends on it.
CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:project_asset_settings}} {{on_cluster}}
(
    project_id String,
    sdk_bodies UInt8,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY project_id;
-- distributed: project_asset_settings BY cityHash64(project_id)
