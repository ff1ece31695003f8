import type { Store } from '../store/client.js';
import { READ_SETTINGS } from './sql-fragments.js';

/** Each session's first client time (Unix ms): replay offsets count from it. */
export async function findSessionStarts(
  store: Store,
  projectId: string,
  sessions: readonly string[],
): Promise<Map<string, number>> {
  if (sessions.length === 0) return new Map();
  const rows = await store.query<{ session_id: string; start: number }>(
    `SELECT session_id, toUnixTimestamp64Milli(min(client_time)) AS start FROM {db:Identifier}.events
     WHERE project_id = {project:String} AND session_id IN {sessions:Array(String)}
     GROUP BY session_id`,
    { project: projectId, sessions },
    READ_SETTINGS,
  );
  return new Map(rows.map((row) => [row.session_id, Number(row.start)]));
}

/** The replay deep link the API gives with hotspot examples, opening at `offset` ms into the session. */
export function replayLink(projectId: string, sessionId: string, offset: number): string {
  return `/api/v1/projects/${projectId}/sessions/${encodeURIComponent(sessionId)}/replay#t=${offset}`;
}
