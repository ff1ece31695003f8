import type { DigestSettings } from '@snag/protocol';
import type { Store } from '../../store/client.js';
import { formatDateTime } from '../../store/datetime.js';

/** Off until an admin turns it on: Mondays at 08:00 UTC. */
export const DEFAULT_DIGEST: DigestSettings = { enabled: false, channel_ids: [], weekday: 1, hour: 8 };

export async function findDigestSettings(store: Store, project: string): Promise<DigestSettings> {
  return (await findAllDigestSettings(store, project)).get(project) ?? DEFAULT_DIGEST;
}

/** Every project's digest settings (one project's with `project` set). */
export async function findAllDigestSettings(store: Store, project?: string): Promise<Map<string, DigestSettings>> {
  const rows = await store.query<DigestSettings & { project_id: string; enabled: number | boolean }>(
    `SELECT project_id, enabled, channel_ids, weekday, hour FROM {db:Identifier}.alert_digests FINAL
     WHERE project_id = {project:String} OR {all:Bool}`,
    { project: project ?? '', all: project === undefined },
  );
  return new Map(
    rows.map(({ project_id, ...row }) => [
      project_id,
      {
        enabled: Number(row.enabled) === 1,
        channel_ids: row.channel_ids,
        weekday: Number(row.weekday),
        hour: Number(row.hour),
      },
    ]),
  );
}

export async function saveDigestSettings(
  store: Store,
  project: string,
  settings: DigestSettings,
  by: string,
): Promise<void> {
  await store.insert('alert_digests', [
    {
      project_id: project,
      ...settings,
      enabled: settings.enabled ? 1 : 0,
      updated_by: by,
      updated_at: formatDateTime(Date.now()),
    },
  ]);
}
