import type { Store } from '../store/client.js';

/** Every table holding a session's rows: the events, the recordings, and what reports derive from them. */
const TABLES = ['events', 'replay_chunks', 'page_views', 'key_events', 'session_activity', 'session_facts'] as const;
const SESSIONS_PER_DELETE = 1_000;

export interface DeletionResult {
  sessions: number;
}

/**
 * Deletes every session in which a person appears, by user id or anonymous id:
 * all their events and recordings, including the part of a session before they
 * were identified, and the rows reports derived from them. Lightweight DELETEs hide the rows at once; ClickHouse removes
 * them from disk as parts merge.
 */
export async function deleteUserData(store: Store, projectId: string, person: string): Promise<DeletionResult> {
  const rows = await store.query<{ session_id: string }>(
    `SELECT DISTINCT session_id FROM {db:Identifier}.events
     WHERE project_id = {project:String} AND (user_id = {person:String} OR anonymous_id = {person:String})`,
    { project: projectId, person },
  );
  const sessions = rows.map((row) => row.session_id);
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
  return { sessions: sessions.length };
}
