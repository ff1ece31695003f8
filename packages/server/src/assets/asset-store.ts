import type { ReplayAssetStatus } from '@snag/protocol';
import { READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';

/** Why an asset was not kept, or `stored`. The words the API and the replay panel show. */
export type AssetStatus = ReplayAssetStatus;

export interface ReplayAssetRow {
  project_id: string;
  session_id: string;
  url: string;
  kind: string;
  status: AssetStatus;
  http_status: number;
  sha256: string;
  content_type: string;
  bytes: number;
  detail: string;
  /** The session's time (ms), which the row's retention follows. */
  time: number;
  fetched_at: number;
}

export interface AssetBody {
  content_type: string;
  body: Buffer;
}

/** Stores one body under its digest (a second insert of the same digest collapses on merge). */
export function insertAssetBody(
  store: Store,
  row: { project_id: string; sha256: string; content_type: string; body: Buffer },
): Promise<void> {
  return store.insert('asset_bodies', [
    {
      project_id: row.project_id,
      sha256: row.sha256,
      content_type: row.content_type,
      bytes: row.body.length,
      body_base64: row.body.toString('base64'),
      last_used: formatDateTime(Date.now()),
    },
  ]);
}

/** Whether a project already holds a body (primary-key lookup). */
export async function hasAssetBody(store: Store, projectId: string, sha256: string): Promise<boolean> {
  const rows = await store.query<{ found: number }>(
    `SELECT 1 AS found FROM {db:Identifier}.asset_bodies
     WHERE project_id = {project:String} AND sha256 = {sha256:String} LIMIT 1`,
    { project: projectId, sha256 },
  );
  return rows.length > 0;
}

/** Moves a body's retention clock to now: a copy with a later `last_used`, made inside ClickHouse. */
export function touchAssetBody(store: Store, projectId: string, sha256: string): Promise<void> {
  return store.command(
    `INSERT INTO {db:Identifier}.asset_bodies (project_id, sha256, content_type, bytes, body_base64, last_used)
     SELECT project_id, sha256, content_type, bytes, body_base64, now64(3)
     FROM {db:Identifier}.asset_bodies
     WHERE project_id = {project:String} AND sha256 = {sha256:String}
     ORDER BY last_used DESC LIMIT 1`,
    { project: projectId, sha256 },
  );
}

export async function findAssetBody(store: Store, projectId: string, sha256: string): Promise<AssetBody | undefined> {
  const rows = await store.query<{ content_type: string; body_base64: string }>(
    `SELECT content_type, body_base64 FROM {db:Identifier}.asset_bodies
     WHERE project_id = {project:String} AND sha256 = {sha256:String}
     ORDER BY last_used DESC LIMIT 1`,
    { project: projectId, sha256 },
  );
  const row = rows[0];
  return row ? { content_type: row.content_type, body: Buffer.from(row.body_base64, 'base64') } : undefined;
}

/** Bytes a project's kept assets take (each body once). */
export async function findProjectAssetBytes(store: Store, projectId: string): Promise<number> {
  const rows = await store.query<{ bytes: number }>(
    `SELECT sum(bytes) AS bytes FROM (
       SELECT any(bytes) AS bytes FROM {db:Identifier}.asset_bodies
       WHERE project_id = {project:String} GROUP BY sha256)`,
    { project: projectId },
    READ_SETTINGS,
  );
  return Number(rows[0]?.bytes ?? 0);
}

export function insertReplayAssets(store: Store, rows: readonly ReplayAssetRow[]): Promise<void> {
  return store.insert(
    'replay_assets',
    rows.map((row) => ({ ...row, time: formatDateTime(row.time), fetched_at: formatDateTime(row.fetched_at) })),
  );
}

export interface SessionAsset {
  url: string;
  kind: string;
  status: AssetStatus;
  http_status: number;
  sha256: string;
  content_type: string;
  bytes: number;
  detail: string;
}

/** What a session's replay uses, each URL once (its latest outcome), in URL order. */
export function findReplayAssets(store: Store, projectId: string, sessionId: string): Promise<SessionAsset[]> {
  return store.query<SessionAsset>(
    `SELECT url, argMax(kind, fetched_at) AS kind, argMax(status, fetched_at) AS status,
            argMax(http_status, fetched_at) AS http_status, argMax(sha256, fetched_at) AS sha256,
            argMax(content_type, fetched_at) AS content_type, argMax(bytes, fetched_at) AS bytes,
            argMax(detail, fetched_at) AS detail
     FROM {db:Identifier}.replay_assets
     WHERE project_id = {project:String} AND session_id = {session:String}
     GROUP BY url ORDER BY url`,
    { project: projectId, session: sessionId },
    READ_SETTINGS,
  );
}
