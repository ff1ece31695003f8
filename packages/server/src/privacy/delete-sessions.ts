import { SESSIONS_PER_DELETE } from '../constants.js';
import type { Store } from '../store/client.js';

/** Every table holding a session's rows: the events, the recordings, and what reports derive from them. */
const TABLES = [
  'events',
  'replay_chunks',
  'replay_assets',
  'page_views',
  'key_events',
  'session_activity',
  'session_facts',
] as const;

/** The sessions in which a person appears, by user id or anonymous id, before they were identified too. */
export async function findPersonSessions(store: Store, projectId: string, person: string): Promise<string[]> {
  const rows = await store.query<{ session_id: string }>(
    `SELECT DISTINCT session_id FROM {db:Identifier}.events
     WHERE project_id = {project:String} AND (user_id = {person:String} OR anonymous_id = {person:String})`,
    { project: projectId, person },
  );
  return rows.map((row) => row.session_id);
}

/**
 * Deletes sessions: all their events and recordings, and the rows reports derived from
 * them. Lightweight DELETEs hide the rows at once; ClickHouse removes them from disk as
 * parts merge.
 */
export async function deleteSessions(store: Store, projectId: string, sessions: readonly string[]): Promise<void> {
  const onCluster = store.cluster ? `ON CLUSTER \`${store.cluster}\`` : '';
  for (let start = 0; start < sessions.length; start += SESSIONS_PER_DELETE) {
    const chunk = sessions.slice(start, start + SESSIONS_PER_DELETE);
    for (const table of TABLES) {
      await store.command(
        `DELETE FROM {db:Identifier}.{table:Identifier} ${onCluster}
         WHERE project_id = {project:String} AND session_id IN {sessions:Array(String)}`,
        { table: store.cluster ? `${table}_local` : table, project: projectId, sessions: chunk },
        { mutations_sync: '2' },
      );
    }
  }
}
