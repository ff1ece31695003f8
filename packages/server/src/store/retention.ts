import type { Store } from './client.js';
import { formatDateTime } from './datetime.js';

/** Each table with a TTL, and the time column it expires by. */
const TTL_COLUMNS = {
  events: 'time',
  replay_chunks: 'time',
  page_views: 'start',
  key_events: 'time',
  session_activity: 'last_seen',
  session_facts: 'start',
  erased_sessions: 'erased_at',
  asset_bodies: 'last_used',
  replay_assets: 'time',
} as const;

/**
 * Keeps the tables' TTL in step with SNAG_RETENTION_DAYS. Migrations set it when the
 * tables are created; a later change of the setting is applied here, once, and
 * recorded, so an unchanged setting costs one read at start.
 */
export async function applyRetention(store: Store): Promise<boolean> {
  const days = store.config.retentionDays;
  const rows = await store.query<{ value: string }>(
    "SELECT value FROM {db:Identifier}.instance_settings FINAL WHERE name = 'retention_days' LIMIT 1",
  );
  const current = rows[0]?.value;
  if (current === String(days)) return false;
  if (current !== undefined) {
    const onCluster = store.cluster ? `ON CLUSTER \`${store.cluster}\`` : '';
    for (const [table, column] of Object.entries(TTL_COLUMNS)) {
      await store.command(
        `ALTER TABLE {db:Identifier}.{table:Identifier} ${onCluster}
         MODIFY TTL toDateTime({column:Identifier}) + toIntervalDay({days:UInt32})`,
        { table: store.cluster ? `${table}_local` : table, column, days },
      );
    }
  }
  await store.insert('instance_settings', [
    { name: 'retention_days', value: String(days), updated_at: formatDateTime(Date.now()) },
  ]);
  return current !== undefined;
}
