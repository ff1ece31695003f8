import { ELEMENT_KEY_SQL, RANGE_SQL, READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';
import { ELEMENT_NAME_CACHE_MAX, ELEMENT_NAME_CACHE_TTL_MS } from './constants.js';

export interface ElementName {
  name: string;
  role: string;
}

/** The lookup key of a hotspot's element: its path pattern and element key. */
export const elementNameKey = (pathPattern: string, elementKey: string) => `${pathPattern}\u0000${elementKey}`;

/**
 * The accessible name and role people see on each hotspot's element: the most recent non-empty
 * ones among the events of its example sessions (its most recent sessions) on that element, in
 * the report's range (so only that range's partitions are read).
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
      AND ${RANGE_SQL}
      AND type IN ('click', 'signal', 'input', 'feedback')
      AND element_selector != ''
)
GROUP BY path_pattern, element_key`;

export interface NamedElement {
  path_pattern: string;
  element_key: string;
  /** The hotspot's example sessions: `[time, session id, …]`. */
  examples: ReadonlyArray<readonly [unknown, string, ...unknown[]]>;
}

interface CachedName extends ElementName {
  at: number;
}

/** Per store: names change rarely, and every report and hotspots page asks for the same few. */
const caches = new WeakMap<Store, Map<string, CachedName>>();

/**
 * The names of these hotspots' elements: from a short-lived cache, and for the rest one
 * query over their example sessions (only when some element is not cached).
 */
export async function findElementNames(
  store: Store,
  projectId: string,
  elements: readonly NamedElement[],
  range: TimeRange,
): Promise<Map<string, ElementName>> {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  const now = Date.now();
  const found = new Map<string, ElementName>();
  const missing = new Set<string>();
  for (const element of elements) {
    const key = elementNameKey(element.path_pattern, element.element_key);
    const cached = cache.get(`${projectId}\u0000${key}`);
    if (cached && now - cached.at < ELEMENT_NAME_CACHE_TTL_MS) found.set(key, cached);
    else for (const [, session] of element.examples) missing.add(session);
  }
  if (missing.size === 0) return found;
  const rows = await store.query<{ path_pattern: string; element_key: string } & ElementName>(
    ELEMENT_NAMES_SQL,
    { project: projectId, sessions: [...missing], from: range.from, to: range.to },
    READ_SETTINGS,
  );
  for (const row of rows) {
    const key = elementNameKey(row.path_pattern, row.element_key);
    if (!found.has(key)) found.set(key, row);
    if (cache.size >= ELEMENT_NAME_CACHE_MAX) cache.clear();
    cache.set(`${projectId}\u0000${key}`, { name: row.name, role: row.role, at: now });
  }
  return found;
}
