import { DAY_MS } from '../../analytics/constants.js';
import { findLiveSessions } from '../../analytics/find-live-sessions.js';
import { journeySignalsSql } from '../../analytics/journey-signals-sql.js';
import { READ_SETTINGS } from '../../analytics/sql-fragments.js';
import type { Store } from '../../store/client.js';

export interface DailySessions {
  path_pattern: string;
  element_key: string;
  kind: string;
  /** Affected sessions in the last 24 h. */
  today: number;
  /** Affected sessions in each of the `days` days before, oldest first. */
  before: number[];
}

/**
 * Per hotspot with an occurrence in the last 24 h: its affected sessions then, and in each
 * 24 h window of the `days` before (from the session facts, as the hotspots are ranked).
 */
export async function findDailySessions(
  store: Store,
  project: string,
  now: number,
  days: number,
): Promise<DailySessions[]> {
  const live = await findLiveSessions(store, project);
  const rows = await store.query<{
    path_pattern: string;
    element_key: string;
    kind: string;
    counts: Array<[number, number]>;
  }>(
    `SELECT path_pattern, element_key, toString(kind) AS kind, groupArray((day, sessions)) AS counts
     FROM (
         SELECT path_pattern, element_key, kind,
                intDiv(toInt64({now:Int64}) - 1 - toUnixTimestamp64Milli(time), ${DAY_MS}) AS day,
                uniqExact(session_id) AS sessions
         FROM (${journeySignalsSql("fromUnixTimestamp64Milli({from:Int64}, 'UTC')", "fromUnixTimestamp64Milli({now:Int64}, 'UTC')", live, false, { extra: 'element_key', withSdkSignals: true })})
         GROUP BY path_pattern, element_key, kind, day)
     GROUP BY path_pattern, element_key, kind
     HAVING has(arrayMap(c -> c.1, counts), 0)`,
    { project, now, from: now - (days + 1) * DAY_MS, ...live.params },
    READ_SETTINGS,
  );
  return rows.map((row) => {
    const byDay = new Map(row.counts.map(([day, sessions]) => [Number(day), Number(sessions)]));
    return {
      path_pattern: row.path_pattern,
      element_key: row.element_key,
      kind: row.kind,
      today: byDay.get(0) ?? 0,
      before: Array.from({ length: days }, (_, i) => byDay.get(days - i) ?? 0),
    };
  });
}
