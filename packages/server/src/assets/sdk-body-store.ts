import { READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { Store } from '../store/client.js';

/** Page views read to learn a session's origins, at most. */
const SESSION_URLS_MAX = 200;

/** The origins (`https://shop.example`) of the pages a session's events were sent from. */
export async function findSessionOrigins(store: Store, projectId: string, sessionId: string): Promise<Set<string>> {
  const rows = await store.query<{ url: string }>(
    `SELECT DISTINCT url FROM {db:Identifier}.events
     WHERE project_id = {project:String} AND session_id = {session:String}
     LIMIT {limit:UInt32}`,
    { project: projectId, session: sessionId, limit: SESSION_URLS_MAX },
    READ_SETTINGS,
  );
  const origins = new Set<string>();
  for (const { url } of rows) {
    const origin = originOf(url);
    if (origin) origins.add(origin);
  }
  return origins;
}

/** `scheme://host[:port]` of an http(s) URL, undefined for anything else. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
