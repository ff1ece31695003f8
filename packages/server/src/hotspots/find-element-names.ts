import { ELEMENT_KEY_SQL, READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { Store } from '../store/client.js';

export interface ElementName {
  name: string;
  role: string;
}

/** The lookup key of a hotspot's element: its path pattern and element key. */
export const elementNameKey = (pathPattern: string, elementKey: string) => `${pathPattern}\u0000${elementKey}`;

/**
 * The accessible name and role people see on each hotspot's element: the most recent non-empty
 * ones among the events of its example sessions (its most recent sessions) on that element.
 *
 * The name travels in each event's `data` (the event as the SDK sent it) and the role in the
 * `element_role` column, so this needs no schema change: the session facts the hotspots are
 * ranked from stay as they are, and the lookup reads the primary key's few sessions only.
 * Elements from SDKs before accessible names get '' (the API shows `null`).
 */
const ELEMENT_NAMES_SQL = `
SELECT path_pattern, ${ELEMENT_KEY_SQL} AS element_key,
       argMaxIf(name, time, name != '') AS name,
       argMaxIf(element_role, time, element_role != '') AS role
FROM (
    SELECT path_pattern, element_test_id, element_aria_label, element_tag, element_selector, element_role, time,
           JSONExtractString(data, 'element', 'name') AS name
    FROM {db:Identifier}.events
    WHERE project_id = {project:String}
      AND session_id IN {sessions:Array(String)}
      AND type IN ('click', 'signal', 'input', 'feedback')
      AND element_selector != ''
)
GROUP BY path_pattern, element_key`;

export async function findElementNames(
  store: Store,
  projectId: string,
  sessionIds: string[],
): Promise<Map<string, ElementName>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await store.query<{ path_pattern: string; element_key: string } & ElementName>(
    ELEMENT_NAMES_SQL,
    { project: projectId, sessions: [...new Set(sessionIds)] },
    READ_SETTINGS,
  );
  return new Map(rows.map((row) => [elementNameKey(row.path_pattern, row.element_key), row]));
}
