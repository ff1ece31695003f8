import type { Store } from '../store/client.js';
import { LIVE_SESSIONS_LISTED_MAX } from './constants.js';

/**
 * The project's sessions whose session facts are computed live because they received
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

/**
 * The sessions whose facts a request computes live: listed once per request
 * when there are few (the usual case: those active in the last half hour), so every part
 * of the query splits the sessions alike and `IN` uses the primary key; else (before the
 * first refresh) left to the subquery `LIVE_SESSIONS_SQL`, the same text everywhere.
 */
export interface LiveSessions {
  listed: boolean;
  /** The `live_sessions` query parameter. */
  params: { live_sessions: string[] };
}

/** Sessions that received data after the last refresh of `session_facts` covered them (all before the first refresh). */
export const LIVE_SESSIONS_SQL = `
    SELECT session_id FROM {db:Identifier}.session_activity
    WHERE project_id = {project:String}
      AND last_seen > (SELECT max(time) FROM {db:Identifier}.session_facts
                       WHERE project_id = '' AND kind = 'coverage')`;
