import type { Store } from '../../store/client.js';
import { formatDateTime } from '../../store/datetime.js';

/** When the rule last alerted about each of these keys (Unix ms), for those it ever did. */
export async function findLastFirings(
  store: Store,
  project: string,
  ruleId: string,
  keys: string[],
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await store.query<{ dedupe_key: string; fired_at: number }>(
    `SELECT dedupe_key, toUnixTimestamp64Milli(max(fired_at)) AS fired_at FROM {db:Identifier}.alert_firings
     WHERE project_id = {project:String} AND rule_id = {rule:String} AND dedupe_key IN {keys:Array(String)}
     GROUP BY dedupe_key`,
    { project, rule: ruleId, keys },
    { output_format_json_quote_64bit_integers: 0 },
  );
  return new Map(rows.map((row) => [row.dedupe_key, Number(row.fired_at)]));
}

export async function insertFiring(
  store: Store,
  firing: { project: string; ruleId: string; dedupeKey: string; alertId: string; at: number },
): Promise<void> {
  await store.insert('alert_firings', [
    {
      project_id: firing.project,
      rule_id: firing.ruleId,
      dedupe_key: firing.dedupeKey,
      alert_id: firing.alertId,
      fired_at: formatDateTime(firing.at),
    },
  ]);
}
