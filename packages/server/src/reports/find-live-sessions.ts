import type { Store } from '../store/client.js';
import { LIVE_SESSIONS_LISTED_MAX } from './constants.js';
import { LIVE_SESSIONS_SQL, type LiveSessions } from './journey-signals-sql.js';

/**
 * The project's sessions whose journey signals are computed live because they received
 * data after the last refresh of `session_facts` covered them. Listed when there are
 * at most LIVE_SESSIONS_LISTED_MAX (one snapshot for the whole request); more (before the
 * first refresh) are left to a subquery.
 */
export async function findLiveSessions(store: Store, projectId: string): Promise<LiveSessions> {
  const rows = await store.query<{ session_id: string }>(
    `SELECT DISTINCT session_id FROM (${LIVE_SESSIONS_SQL}) LIMIT {limit:UInt32}`,
    { project: projectId, limit: LIVE_SESSIONS_LISTED_MAX + 1 },
  );
  if (rows.length > LIVE_SESSIONS_LISTED_MAX) return { listed: false, params: { live_sessions: [] } };
  return { listed: true, params: { live_sessions: rows.map((row) => row.session_id) } };
}
