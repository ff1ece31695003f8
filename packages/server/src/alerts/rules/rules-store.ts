import { type AlertCondition, type AlertRule, alertConditionSchema, type HotspotRef } from '@snag/protocol';
import type { Store } from '../../store/client.js';
import { formatDateTime } from '../../store/datetime.js';

interface RuleRow {
  project_id: string;
  id: string;
  name: string;
  kind: string;
  params: string;
  channel_ids: string[];
  muted: string;
  snoozed_until: number;
  enabled: number;
  created_by: string;
  created_at: number;
  updated_by: string;
  updated_at: number;
}

/** A stored rule: the API's shape, with its project. */
export type StoredRule = AlertRule & { project_id: string };

const COLUMNS = `project_id, id, name, kind, params, channel_ids, muted,
       toUnixTimestamp64Milli(snoozed_until) AS snoozed_until, enabled, created_by,
       toUnixTimestamp64Milli(created_at) AS created_at, updated_by, toUnixTimestamp64Milli(updated_at) AS updated_at`;

function toRule(row: RuleRow): StoredRule {
  const { kind: _kind, ...params } = JSON.parse(row.params) as Record<string, unknown>;
  return {
    project_id: row.project_id,
    id: row.id,
    name: row.name,
    condition: alertConditionSchema.parse({ kind: row.kind, ...params }),
    channel_ids: row.channel_ids,
    enabled: Number(row.enabled) === 1,
    snoozed_until: Number(row.snoozed_until) > 0 ? new Date(Number(row.snoozed_until)).toISOString() : null,
    muted: JSON.parse(row.muted || '[]') as HotspotRef[],
    created_by: row.created_by,
    created_at: new Date(Number(row.created_at)).toISOString(),
    updated_by: row.updated_by,
    updated_at: new Date(Number(row.updated_at)).toISOString(),
  };
}

/** Writes the rule's current version (a newer row replaces the older one; `deleted` ends it). */
export async function saveRule(store: Store, rule: StoredRule, deleted = false): Promise<void> {
  const { kind, ...params } = rule.condition as AlertCondition & Record<string, unknown>;
  await store.insert('alert_rules', [
    {
      project_id: rule.project_id,
      id: rule.id,
      name: rule.name,
      kind,
      params: JSON.stringify(params),
      channel_ids: rule.channel_ids,
      muted: JSON.stringify(rule.muted),
      snoozed_until: formatDateTime(rule.snoozed_until ? Date.parse(rule.snoozed_until) : 0),
      enabled: rule.enabled ? 1 : 0,
      deleted: deleted ? 1 : 0,
      created_by: rule.created_by,
      created_at: formatDateTime(Date.parse(rule.created_at)),
      updated_by: rule.updated_by,
      updated_at: formatDateTime(Date.parse(rule.updated_at)),
    },
  ]);
}

/** The project's rules (every project's with `projectId` undefined), oldest first. */
export async function findRules(store: Store, projectId?: string): Promise<StoredRule[]> {
  const rows = await store.query<RuleRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.alert_rules FINAL
     WHERE deleted = 0 AND (project_id = {project:String} OR {all:Bool})
     ORDER BY created_at, id`,
    { project: projectId ?? '', all: projectId === undefined },
  );
  return rows.map(toRule);
}

export async function findRule(store: Store, projectId: string, id: string): Promise<StoredRule | undefined> {
  return (await findRules(store, projectId)).find((rule) => rule.id === id);
}
