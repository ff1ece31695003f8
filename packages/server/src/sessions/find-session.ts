import type { DeviceClass } from '@snag/protocol';
import type { Store } from '../store/client.js';

export interface SessionSummary {
  id: string;
  project_id: string;
  start: string;
  end: string;
  duration_ms: number;
  pages: number;
  events: number;
  signals: number;
  errors: number;
  user_id: string;
  anonymous_id: string;
  browser: string;
  browser_version: string;
  os: string;
  device: DeviceClass;
  release: string;
  entry_url: string;
  exit_url: string;
  replay_chunks: number;
}

export interface StoredEventRow {
  id: string;
  type: string;
  t: string;
  time: string;
  page_id: string;
  url: string;
  path: string;
  path_pattern: string;
  data: string;
}

const SUMMARY_SQL = `
SELECT
    session_id AS id,
    project_id,
    min(time) AS start,
    max(time) AS end,
    toUInt64(dateDiff('millisecond', min(time), max(time))) AS duration_ms,
    countIf(type = 'page') AS pages,
    count() AS events,
    countIf(type = 'signal') AS signals,
    countIf(type = 'error') AS errors,
    argMaxIf(user_id, client_time, user_id != '') AS user_id,
    any(anonymous_id) AS anonymous_id,
    argMax(browser, client_time) AS browser,
    argMax(browser_version, client_time) AS browser_version,
    argMax(os, client_time) AS os,
    argMax(device, client_time) AS device,
    argMax(release, client_time) AS release,
    argMinIf(url, client_time, type = 'page') AS entry_url,
    argMaxIf(url, client_time, type = 'page') AS exit_url,
    (SELECT count() FROM {db:Identifier}.replay_chunks FINAL
      WHERE project_id = {project:String} AND session_id = {session:String}) AS replay_chunks
FROM {db:Identifier}.events FINAL
WHERE project_id = {project:String} AND session_id = {session:String}
GROUP BY project_id, session_id`;

const EVENTS_SQL = `
SELECT
    event_id AS id,
    type,
    client_time AS t,
    time,
    page_id,
    url,
    path,
    path_pattern,
    data
FROM {db:Identifier}.events FINAL
WHERE project_id = {project:String} AND session_id = {session:String}
ORDER BY client_time, event_id`;

export async function findSessionSummary(
  store: Store,
  projectId: string,
  sessionId: string,
): Promise<SessionSummary | undefined> {
  const rows = await store.query<SessionSummary>(SUMMARY_SQL, { project: projectId, session: sessionId });
  return rows[0];
}

/** The session's events in client-time order (its own clock, so the order is what the user did). */
export function findSessionEvents(store: Store, projectId: string, sessionId: string): Promise<StoredEventRow[]> {
  return store.query<StoredEventRow>(EVENTS_SQL, { project: projectId, session: sessionId });
}
