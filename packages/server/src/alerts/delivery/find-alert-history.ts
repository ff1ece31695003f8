import { ALERT_KINDS, type AlertHistoryEntry } from '@snag/protocol';
import { z } from 'zod';
import { decodeCursor, keysetPage } from '../../analytics/cursor.js';
import type { Store } from '../../store/client.js';
import { parseDateTime } from '../../store/datetime.js';
import { findDeliveries } from './deliveries-store.js';
import { describeDelivery } from './delivery-view.js';

const historyRowSchema = z.object({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  title: z.string(),
  text: z.string(),
  created_at: z.string(),
});

/** A project's alerts, newest first, each with how it went to each channel; keyset-paginated. */
export async function findAlertHistory(
  store: Store,
  projectId: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<{ alerts: AlertHistoryEntry[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor, 'ss') : undefined;
  const rows = await store.query<unknown>(
    `SELECT id, kind, title, text, created_at FROM {db:Identifier}.alerts
     WHERE project_id = {project:String}
       ${after ? 'AND (created_at, id) < ({at:DateTime64(3)}, {id:String})' : ''}
     ORDER BY created_at DESC, id DESC
     LIMIT {limit:UInt32}`,
    after
      ? { project: projectId, limit: limit + 1, at: after[0], id: after[1] }
      : { project: projectId, limit: limit + 1 },
  );
  const { page, nextCursor } = keysetPage(
    rows.map((row) => historyRowSchema.parse(row)),
    limit,
    (row) => [row.created_at, row.id],
  );
  const deliveries = await findDeliveries(
    store,
    projectId,
    page.map((row) => row.id),
  );
  const alerts = page.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    text: row.text,
    created_at: new Date(parseDateTime(row.created_at)).toISOString(),
    deliveries: deliveries.filter((state) => state.alertId === row.id).map(describeDelivery),
  }));
  return { alerts, nextCursor };
}
