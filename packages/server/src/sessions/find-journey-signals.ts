import type { SignalKind } from '@snag/protocol';
import { findLiveSessions } from '../analytics/find-live-sessions.js';
import { journeySignalsSql } from '../analytics/journey-signals-sql.js';
import { READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { Store } from '../store/client.js';
import { MARKER_CONTEXT_AFTER_MS, MARKER_CONTEXT_BEFORE_MS } from './constants.js';

export interface JourneySignalRow {
  id: string;
  kind: SignalKind;
  /** Client time of the end of the page view the signal is about, ms since epoch. */
  t: number;
  time: string;
  path: string;
  path_pattern: string;
}

/**
 * The session's journey signals (quick backs, dead ends, excessive scrolling), computed
 * from its page views; a path's usual scroll level is judged over the days around it.
 */
export async function findJourneySignals(
  store: Store,
  projectId: string,
  sessionId: string,
  sessionStart: number,
): Promise<JourneySignalRow[]> {
  const live = await findLiveSessions(store, projectId);
  return store.query<JourneySignalRow>(
    `SELECT DISTINCT event_id AS id, kind, toUnixTimestamp64Milli(client_time) AS t, time, path, path_pattern
     FROM (${journeySignalsSql("fromUnixTimestamp64Milli({from:Int64}, 'UTC')", "fromUnixTimestamp64Milli({to:Int64}, 'UTC')", live, true)})
     ORDER BY t, id`,
    {
      project: projectId,
      session: sessionId,
      from: sessionStart - MARKER_CONTEXT_BEFORE_MS,
      to: sessionStart + MARKER_CONTEXT_AFTER_MS,
      ...live.params,
    },
    READ_SETTINGS,
  );
}
