import type { SignalKind } from '@snag/protocol';
import { findLiveSessions } from '../analytics/find-live-sessions.js';
import { journeySignalsSql } from '../analytics/journey-signals-sql.js';
import { ELEMENT_KEY_SQL, READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { Store } from '../store/client.js';
import { MARKER_CONTEXT_AFTER_MS, MARKER_CONTEXT_BEFORE_MS } from './constants.js';

export interface ReplayChunkKey {
  t: number;
  event_id: string;
}

export interface SignalMarker {
  id: string;
  kind: SignalKind;
  t: number;
  path: string;
  element: string;
}

/** The session's replay chunks in playback order, without their data (retried duplicates collapse). */
export function findReplayChunkKeys(store: Store, projectId: string, sessionId: string): Promise<ReplayChunkKey[]> {
  return store.query<ReplayChunkKey>(
    `SELECT DISTINCT toUnixTimestamp64Milli(client_time) AS t, event_id
     FROM {db:Identifier}.replay_chunks
     WHERE project_id = {project:String} AND session_id = {session:String}
     ORDER BY t, event_id`,
    { project: projectId, session: sessionId },
    READ_SETTINGS,
  );
}

/** One chunk's rrweb events as JSON array text. */
export async function findReplayChunkData(
  store: Store,
  projectId: string,
  sessionId: string,
  key: ReplayChunkKey,
): Promise<string | undefined> {
  const rows = await store.query<{ data: string }>(
    `SELECT data FROM {db:Identifier}.replay_chunks
     WHERE project_id = {project:String} AND session_id = {session:String}
       AND client_time = fromUnixTimestamp64Milli({t:Int64}, 'UTC') AND event_id = {event_id:String}
     LIMIT 1`,
    { project: projectId, session: sessionId, t: key.t, event_id: key.event_id },
  );
  return rows[0]?.data;
}

/** The session's start (first event, client clock) and its signals, SDK and journey ones, in time order. */
export async function findSignalMarkers(
  store: Store,
  projectId: string,
  sessionId: string,
): Promise<{ start: number | null; markers: SignalMarker[] }> {
  const [bounds] = await store.query<{ start: number; events: number }>(
    `SELECT toUnixTimestamp64Milli(min(client_time)) AS start, count() AS events
     FROM {db:Identifier}.events WHERE project_id = {project:String} AND session_id = {session:String}`,
    { project: projectId, session: sessionId },
    READ_SETTINGS,
  );
  if (!bounds || Number(bounds.events) === 0) return { start: null, markers: [] };
  const live = await findLiveSessions(store, projectId);
  const markers = await store.query<SignalMarker>(
    `SELECT * FROM (
     SELECT event_id AS id, signal_kind AS kind, toUnixTimestamp64Milli(client_time) AS t, path_pattern AS path,
            ${ELEMENT_KEY_SQL} AS element
     FROM {db:Identifier}.events
     WHERE project_id = {project:String} AND session_id = {session:String} AND type = 'signal'
     LIMIT 1 BY event_id
     UNION ALL
     SELECT DISTINCT event_id AS id, kind, toUnixTimestamp64Milli(client_time) AS t, path_pattern AS path, '' AS element
     FROM (${journeySignalsSql("fromUnixTimestamp64Milli({from:Int64}, 'UTC')", "fromUnixTimestamp64Milli({to:Int64}, 'UTC')", live, true)})
     )
     ORDER BY t, id`,
    {
      project: projectId,
      session: sessionId,
      // The path's usual scroll level is judged over the week around the session.
      from: Number(bounds.start) - MARKER_CONTEXT_BEFORE_MS,
      to: Number(bounds.start) + MARKER_CONTEXT_AFTER_MS,
      ...live.params,
    },
    READ_SETTINGS,
  );
  return { start: Number(bounds.start), markers };
}
