import type { Store } from '../store/client.js';
import { formatDateTime, parseDateTime } from '../store/datetime.js';

export interface AssetSettingsRow {
  sdk_bodies: boolean;
  /** Milliseconds, undefined while the project has the defaults. */
  updated_at: number | undefined;
}

/** A project's replay-asset settings; the defaults (SDK bodies off) when none were saved. */
export async function findAssetSettings(store: Store, projectId: string): Promise<AssetSettingsRow> {
  const rows = await store.query<{ sdk_bodies: number; updated_at: string }>(
    `SELECT sdk_bodies, updated_at FROM {db:Identifier}.project_asset_settings FINAL
     WHERE project_id = {project:String} LIMIT 1`,
    { project: projectId },
  );
  const row = rows[0];
  return row
    ? { sdk_bodies: Number(row.sdk_bodies) === 1, updated_at: parseDateTime(row.updated_at) }
    : { sdk_bodies: false, updated_at: undefined };
}

export async function saveAssetSettings(store: Store, projectId: string, sdkBodies: boolean): Promise<number> {
  const now = Date.now();
  await store.insert('project_asset_settings', [
    { project_id: projectId, sdk_bodies: sdkBodies ? 1 : 0, updated_at: formatDateTime(now) },
  ]);
  return now;
}
