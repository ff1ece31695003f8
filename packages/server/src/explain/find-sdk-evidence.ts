import { ELEMENT_KEY_SQL, type PresentFilters, READ_SETTINGS, when } from '../analytics/sql-fragments.js';
import type { Store } from '../store/client.js';
import { EVIDENCE_FOLLOW_WINDOW_MS, EVIDENCE_MAX_SESSIONS } from './constants.js';
import type { HotspotEvidence } from './evidence.js';
import { type FollowingEvent, type SampledSignal, summarizeEvidence } from './summarize-evidence.js';

/** The listed hotspots' signals of the range from `key_events` (sorted by type and time: a range read). */
const signalsSql = (on: PresentFilters) => `
    SELECT session_id, event_id, time, path_pattern, element_key, kind, release
    FROM (
        SELECT session_id, event_id, time, path_pattern, ${ELEMENT_KEY_SQL} AS element_key,
               toString(signal_kind) AS kind, release
        FROM {db:Identifier}.key_events
        WHERE project_id = {project:String} AND type = 'signal'
          AND time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
          AND ${when(on.release, 'release = {release:String}')}
        LIMIT 1 BY session_id, event_id)
    WHERE concat(path_pattern, char(31), element_key, char(31), kind) IN {keys:Array(String)}`;

/** Affected sessions per release of each hotspot, over all its signals. */
const releasesSql = (on: PresentFilters) => `
SELECT path_pattern, element_key, kind, groupArray((release, sessions)) AS releases
FROM (SELECT path_pattern, element_key, kind, release, uniqExact(session_id) AS sessions
      FROM (${signalsSql(on)}) GROUP BY path_pattern, element_key, kind, release)
GROUP BY path_pattern, element_key, kind`;

/** Each hotspot's signals in its latest EVIDENCE_MAX_SESSIONS sessions: the sample details are read for. */
const sampleSql = (on: PresentFilters) => `
SELECT path_pattern, element_key, kind, session_id, event_id, toUnixTimestamp64Milli(time) AS at
FROM (${signalsSql(on)})
WHERE (path_pattern, element_key, kind, session_id) IN (
    SELECT path_pattern, element_key, kind, session_id FROM (${signalsSql(on)})
    GROUP BY path_pattern, element_key, kind, session_id
    ORDER BY max(time) DESC
    LIMIT ${EVIDENCE_MAX_SESSIONS} BY path_pattern, element_key, kind)`;

/**
 * In those sessions: the signals' details, the errors and the failed requests (status ≥ 400 or
 * none), only these rows (PREWHERE), a request to the page's own site named by its path.
 */
const FOLLOWING_SQL = `
SELECT session_id, event_id, type, toUnixTimestamp64Milli(time) AS at, status,
       if(type = 'signal', JSONExtractRaw(data, 'details'), '') AS details,
       if(type = 'network' AND domain(message) = domain(url), path(message), message) AS message
FROM {db:Identifier}.events
PREWHERE project_id = {project:String} AND session_id IN {sessions:Array(String)}
  AND (type IN ('signal', 'error') OR (type = 'network' AND (status = 0 OR status >= 400)))
  AND time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
  AND time < fromUnixTimestamp64Milli({to:Int64}, 'UTC') + toIntervalMillisecond(${EVIDENCE_FOLLOW_WINDOW_MS})`;

/**
 * Evidence for hotspots of SDK kinds: three small reads — the hotspots' signals per release, a
 * sample of their latest sessions, and those sessions' details, errors and failed requests —
 * summarised here rather than joined in SQL.
 */
export async function findSdkEvidence(
  store: Store,
  on: PresentFilters,
  params: { project: string; from: number; to: number; release: string; keys: string[] },
): Promise<HotspotEvidence[]> {
  const releases = await store.query<Pick<HotspotEvidence, 'path_pattern' | 'element_key' | 'kind' | 'releases'>>(
    releasesSql(on),
    params,
    READ_SETTINGS,
  );
  const sample = await store.query<SampledSignal>(sampleSql(on), params, READ_SETTINGS);
  const sessions = [...new Set(sample.map((signal) => signal.session_id))];
  const following = sessions.length
    ? await store.query<FollowingEvent>(FOLLOWING_SQL, { ...params, sessions }, READ_SETTINGS)
    : [];
  return summarizeEvidence(releases, sample, following);
}
