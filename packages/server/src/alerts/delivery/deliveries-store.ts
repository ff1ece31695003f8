import { ALERT_CHANNEL_TYPES, ALERT_KINDS, DELIVERY_STATUSES } from '@snag/protocol';
import { z } from 'zod';
import type { Store } from '../../store/client.js';
import { formatDateTime, parseDateTime } from '../../store/datetime.js';
import { type AlertMessage, type DeliveryState, deliveryVersion } from './alert-message.js';

const deliveryRowSchema = z.object({
  project_id: z.string(),
  alert_id: z.string(),
  channel_id: z.string(),
  channel_type: z.enum(ALERT_CHANNEL_TYPES),
  channel_name: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.coerce.number(),
  last_error: z.string(),
  next_attempt_at: z.string(),
  sent_at: z.string().nullable(),
  created_at: z.string(),
});

const alertRowSchema = z.object({
  project_id: z.string(),
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  title: z.string(),
  text: z.string(),
  html: z.string(),
  payload: z.string(),
  created_at: z.string(),
});

const DELIVERY_COLUMNS =
  'project_id, alert_id, channel_id, channel_type, channel_name, status, attempts, last_error, next_attempt_at, sent_at, created_at';

export async function insertAlert(store: Store, alert: AlertMessage): Promise<void> {
  await store.insert('alerts', [
    {
      project_id: alert.projectId,
      id: alert.id,
      kind: alert.kind,
      title: alert.title,
      text: alert.text,
      html: alert.html,
      payload: JSON.stringify(alert.payload),
      created_at: formatDateTime(alert.createdAt),
    },
  ]);
}

/** Records deliveries' new states (a newer version of each row). */
export async function insertDeliveryStates(store: Store, states: readonly DeliveryState[]): Promise<void> {
  await store.insert(
    'alert_deliveries',
    states.map((state) => ({
      project_id: state.projectId,
      alert_id: state.alertId,
      channel_id: state.channelId,
      channel_type: state.channelType,
      channel_name: state.channelName,
      status: state.status,
      attempts: state.attempts,
      last_error: state.lastError,
      next_attempt_at: formatDateTime(state.nextAttemptAt),
      sent_at: state.sentAt === null ? null : formatDateTime(state.sentAt),
      created_at: formatDateTime(state.createdAt),
      updated_at: formatDateTime(Date.now()),
      version: deliveryVersion(state),
    })),
  );
}

/** Every delivery still pending, in any project (read when the server starts). */
export async function findPendingDeliveries(store: Store): Promise<DeliveryState[]> {
  const rows = await store.query<unknown>(
    `SELECT ${DELIVERY_COLUMNS} FROM {db:Identifier}.alert_deliveries FINAL
     WHERE status = 'pending' ORDER BY next_attempt_at`,
  );
  return rows.map((row) => toState(deliveryRowSchema.parse(row)));
}

/** The deliveries of some of a project's alerts. */
export async function findDeliveries(store: Store, projectId: string, alertIds: readonly string[]) {
  if (alertIds.length === 0) return [];
  const rows = await store.query<unknown>(
    `SELECT ${DELIVERY_COLUMNS} FROM {db:Identifier}.alert_deliveries FINAL
     WHERE project_id = {project:String} AND alert_id IN {ids:Array(String)}
     ORDER BY created_at, channel_name, channel_id`,
    { project: projectId, ids: alertIds },
  );
  return rows.map((row) => toState(deliveryRowSchema.parse(row)));
}

/** Alerts by id, in any project (`pairs` of project and alert id); read at start, so a scan is fine. */
export async function findAlerts(store: Store, pairs: ReadonlyArray<[string, string]>): Promise<AlertMessage[]> {
  if (pairs.length === 0) return [];
  const wanted = new Set(pairs.map(([project, id]) => `${project}\n${id}`));
  const rows = await store.query<unknown>(
    `SELECT project_id, id, kind, title, text, html, payload, created_at FROM {db:Identifier}.alerts
     WHERE project_id IN {projects:Array(String)} AND id IN {ids:Array(String)}`,
    { projects: [...new Set(pairs.map(([project]) => project))], ids: pairs.map(([, id]) => id) },
  );
  return rows
    .map((row) => toMessage(alertRowSchema.parse(row)))
    .filter((message) => wanted.has(`${message.projectId}\n${message.id}`));
}

export function toMessage(row: z.output<typeof alertRowSchema>): AlertMessage {
  return {
    id: row.id,
    projectId: row.project_id,
    kind: row.kind,
    title: row.title,
    text: row.text,
    html: row.html,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: parseDateTime(row.created_at),
  };
}

export { alertRowSchema };

function toState(row: z.output<typeof deliveryRowSchema>): DeliveryState {
  return {
    projectId: row.project_id,
    alertId: row.alert_id,
    channelId: row.channel_id,
    channelType: row.channel_type,
    channelName: row.channel_name,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: parseDateTime(row.next_attempt_at),
    sentAt: row.sent_at === null ? null : parseDateTime(row.sent_at),
    createdAt: parseDateTime(row.created_at),
  };
}
