import type { Store } from '../../../src/store/client.js';

/**
 * Lets the `session_facts` refresh cover every session stored so far, as if all of
 * them had last received data two hours ago and the refresh had never run: moves the
 * recent `session_activity` back, drops the coverage rows, refreshes and waits.
 */
export async function settleJourneys(store: Store): Promise<void> {
  await store.command(
    `INSERT INTO {db:Identifier}.session_activity
     SELECT project_id, last_seen - toIntervalHour(2), session_id FROM {db:Identifier}.session_activity
     WHERE last_seen > now64(3) - toIntervalHour(1)`,
  );
  await store.command(
    'DELETE FROM {db:Identifier}.session_activity WHERE last_seen > now64(3) - toIntervalHour(1)',
    {},
    { mutations_sync: '2' },
  );
  await store.command("DELETE FROM {db:Identifier}.session_facts WHERE project_id = ''", {}, { mutations_sync: '2' });
  await store.command('SYSTEM REFRESH VIEW {db:Identifier}.session_facts_mv');
  await store.command('SYSTEM WAIT VIEW {db:Identifier}.session_facts_mv');
}

/** Sessions whose journey signals are computed live (not yet covered by the refresh). */
export async function countLiveSessions(store: Store, project: string): Promise<number> {
  const [row] = await store.query<{ n: string }>(
    `SELECT uniqExact(session_id) AS n FROM {db:Identifier}.session_activity
     WHERE project_id = {project:String}
       AND last_seen > (SELECT max(time) FROM {db:Identifier}.session_facts WHERE project_id = '' AND kind = 'coverage')`,
    { project },
  );
  return Number(row?.n ?? -1);
}
