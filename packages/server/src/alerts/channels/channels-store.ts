import type { Store } from '../../store/client.js';
import { formatDateTime, parseDateTime } from '../../store/datetime.js';
import type { Channel } from './channel.js';
import { emailSettingsSchema, webhookSettingsSchema } from './channel-schema.js';

interface ChannelRow {
  project_id: string;
  id: string;
  name: string;
  type: string;
  settings: string;
  secret: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'project_id, id, name, type, settings, secret, created_at, updated_at';

/** Saves a new channel, or a newer version of one (same project and id). */
export async function insertChannel(store: Store, channel: Channel): Promise<void> {
  await store.insert('alert_channels', [{ ...toRow(channel), deleted: 0 }]);
}

export async function deleteChannel(store: Store, channel: Channel): Promise<void> {
  await store.insert('alert_channels', [{ ...toRow(channel), deleted: 1, updated_at: formatDateTime(Date.now()) }]);
}

/** The project's channels, oldest first. */
export async function findChannels(store: Store, projectId: string): Promise<Channel[]> {
  const rows = await store.query<ChannelRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.alert_channels FINAL
     WHERE project_id = {project:String} AND deleted = 0
     ORDER BY created_at, id`,
    { project: projectId },
  );
  return rows.map(fromRow);
}

/** Some of the project's channels, by id (deleted and unknown ids are left out). */
export async function findChannelsByIds(store: Store, projectId: string, ids: readonly string[]): Promise<Channel[]> {
  if (ids.length === 0) return [];
  const rows = await store.query<ChannelRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.alert_channels FINAL
     WHERE project_id = {project:String} AND id IN {ids:Array(String)} AND deleted = 0`,
    { project: projectId, ids },
  );
  return rows.map(fromRow);
}

export async function findChannel(store: Store, projectId: string, id: string): Promise<Channel | undefined> {
  return (await findChannelsByIds(store, projectId, [id]))[0];
}

function toRow(channel: Channel) {
  const settings =
    channel.type === 'webhook' ? { url: channel.url, format: channel.format } : { addresses: channel.addresses };
  return {
    project_id: channel.projectId,
    id: channel.id,
    name: channel.name,
    type: channel.type,
    settings: JSON.stringify(settings),
    secret: channel.type === 'webhook' ? channel.secret : '',
    created_at: formatDateTime(channel.createdAt),
    updated_at: formatDateTime(channel.updatedAt),
  };
}

function fromRow(row: ChannelRow): Channel {
  const base = {
    projectId: row.project_id,
    id: row.id,
    name: row.name,
    createdAt: parseDateTime(row.created_at),
    updatedAt: parseDateTime(row.updated_at),
  };
  const settings: unknown = JSON.parse(row.settings);
  if (row.type === 'webhook') {
    return { ...base, type: 'webhook', secret: row.secret, ...webhookSettingsSchema.parse(settings) };
  }
  return { ...base, type: 'email', ...emailSettingsSchema.parse(settings) };
}
