import { findLiveSessions, type LiveSessions } from '../analytics/find-live-sessions.js';
import { journeySignalsSql } from '../analytics/journey-signals-sql.js';
import { JOURNEY_KINDS } from '../analytics/session-facts-sql.js';
import {
  ELEMENT_KEY_SQL,
  type PresentFilters,
  presentFilters,
  READ_SETTINGS,
  when,
} from '../analytics/sql-fragments.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';
import { EVIDENCE_FOLLOW_WINDOW_MS, EVIDENCE_MAX_SESSIONS } from './constants.js';

/** A hotspot's identity: (path pattern, element key, kind). */
export interface HotspotKey {
  path_pattern: string;
  element_key: string;
  kind: string;
}

/** What the store knows about a hotspot's occurrences in the range, beyond its figures. */
export interface HotspotEvidence extends HotspotKey {
  /** The occurrences and sessions the details below were read from: the hotspot's latest EVIDENCE_MAX_SESSIONS sessions. */
  occurrences: number;
  sessions: number;
  /** Presses in all its rage bursts (the SDK's `clicks` detail). */
  clicks: number;
  /** Median wait of its dead clicks (`waited_ms`) and slow clicks (`wait_ms`); 0 when none. */
  median_wait_ms: number;
  /** Occurrences on a disabled control (the SDK's `disabled` detail). */
  disabled: number;
  /** The error message that most often followed an occurrence within the window, and how many it followed. */
  top_error: string;
  top_error_count: number;
  /** Occurrences followed by any error. */
  errored: number;
  /** The failed request (URL without query) that most often followed, its usual status, and how many it followed. */
  top_request: string;
  top_request_status: number;
  top_request_count: number;
  /** Affected sessions per release in the range: `[release, sessions]`. */
  releases: Array<[string, number]>;
  /** Sessions that viewed the page per release in the range: `[release, sessions, first seen ms]`. */
  page_releases: Array<[string, number, number]>;
}

/**
 * One row per listed hotspot of an SDK kind. Its occurrences are its signals in `key_events`
 * (sorted by type and time: the range's signals only); their details, and the errors and failed
 * requests in the same session within EVIDENCE_FOLLOW_WINDOW_MS after each, come from the events
 * of those sessions only (a primary-key read). Visitors per release come from `page_views`.
 */
function evidenceSql(on: PresentFilters): string {
  return `
WITH
    fromUnixTimestamp64Milli({from:Int64}, 'UTC') AS range_from,
    fromUnixTimestamp64Milli({to:Int64}, 'UTC') AS range_to,
all_signals AS (
    SELECT session_id, event_id, time, path_pattern, element_key, kind, release
    FROM (
        SELECT session_id, event_id, time, path_pattern, ${ELEMENT_KEY_SQL} AS element_key, toString(signal_kind) AS kind, release
        FROM {db:Identifier}.key_events
        WHERE project_id = {project:String} AND type = 'signal' AND time >= range_from AND time < range_to
          AND ${when(on.release, 'release = {release:String}')}
        LIMIT 1 BY session_id, event_id)
    WHERE concat(path_pattern, char(31), element_key, char(31), kind) IN {keys:Array(String)}
),
-- The details and what followed are read for each hotspot's latest sessions only.
signal_rows AS (
    SELECT * FROM all_signals
    WHERE (path_pattern, element_key, kind, session_id) IN (
        SELECT path_pattern, element_key, kind, session_id FROM all_signals
        GROUP BY path_pattern, element_key, kind, session_id
        ORDER BY max(time) DESC
        LIMIT ${EVIDENCE_MAX_SESSIONS} BY path_pattern, element_key, kind)
),
release_counts AS (
    SELECT path_pattern, element_key, kind, sumMap([release], [toUInt64(1)]) AS release_sessions
    FROM (SELECT DISTINCT path_pattern, element_key, kind, release, session_id FROM all_signals)
    GROUP BY path_pattern, element_key, kind
),
session_events AS (
    SELECT session_id, event_id, type, time, status, if(type = 'signal', data, '') AS data,
           -- a request to the page's own site is named by its path ("/api/coupon")
           if(type = 'network' AND domain(message) = domain(url), path(message), message) AS message
    FROM {db:Identifier}.events
    PREWHERE project_id = {project:String}
      AND session_id IN (SELECT session_id FROM signal_rows)
      AND (type IN ('signal', 'error') OR (type = 'network' AND (status = 0 OR status >= 400)))
      AND time >= range_from AND time < range_to + toIntervalMillisecond(${EVIDENCE_FOLLOW_WINDOW_MS})
),
followers AS (
    SELECT session_id, groupArray((time, type, message, status)) AS after
    FROM session_events
    WHERE type != 'signal'
    GROUP BY session_id
),
details AS (
    SELECT session_id, event_id, any(data) AS data FROM session_events WHERE type = 'signal' GROUP BY session_id, event_id
),
occurrences AS (
    SELECT s.path_pattern AS path_pattern, s.element_key AS element_key, s.kind AS kind, s.session_id AS session_id,
           s.release AS release,
           JSONExtractFloat(d.data, 'details', 'clicks') AS clicks,
           JSONExtractFloat(d.data, 'details', if(s.kind = 'slow_click', 'wait_ms', 'waited_ms')) AS wait_ms,
           JSONExtractBool(d.data, 'details', 'disabled') AS disabled,
           arrayFilter(a -> a.1 >= s.time AND a.1 <= s.time + toIntervalMillisecond(${EVIDENCE_FOLLOW_WINDOW_MS}), f.after) AS near,
           arrayFirst(a -> a.2 = 'error', near).3 AS error,
           arrayFirst(a -> a.2 = 'network', near) AS request
    FROM signal_rows AS s
    LEFT JOIN details AS d ON d.session_id = s.session_id AND d.event_id = s.event_id
    LEFT JOIN followers AS f ON f.session_id = s.session_id
),
per_session AS (
    SELECT path_pattern, element_key, kind, release, session_id,
           count() AS occurrences,
           sum(clicks) AS clicks, groupArrayIf(wait_ms, wait_ms > 0) AS waits, countIf(disabled) AS disabled,
           countIf(error != '') AS errored,
           sumMapIf([error], [toUInt64(1)], error != '') AS errors,
           sumMapIf([concat(toString(request.4), ' ', request.3)], [toUInt64(1)], request.3 != '') AS requests
    FROM occurrences
    GROUP BY path_pattern, element_key, kind, release, session_id
)
-- One pass over the occurrences: per session first, then per hotspot (counts per error message,
-- per failed request and per release summed as maps).
SELECT path_pattern, element_key, kind,
       sum(occurrences) AS occurrences,
       count() AS sessions,
       sum(clicks) AS clicks,
       ifNull(quantileExactArrayIf(0.5)(waits, notEmpty(waits)), 0) AS median_wait_ms,
       sum(disabled) AS disabled,
       sum(errored) AS errored,
       sumMap(errors) AS error_counts,
       error_counts.1[indexOf(error_counts.2, arrayMax(error_counts.2))] AS top_error,
       if(empty(error_counts.2), 0, arrayMax(error_counts.2)) AS top_error_count,
       sumMap(requests) AS request_counts,
       request_counts.1[indexOf(request_counts.2, arrayMax(request_counts.2))] AS top_request_key,
       if(empty(request_counts.2), 0, arrayMax(request_counts.2)) AS top_request_count,
       any(r.release_sessions) AS release_sessions,
       arrayZip(release_sessions.1, release_sessions.2) AS releases
FROM per_session
LEFT JOIN release_counts AS r USING (path_pattern, element_key, kind)
GROUP BY path_pattern, element_key, kind
SETTINGS join_use_nulls = 0`;
}

/** Journey kinds (computed from whole sessions): only their affected sessions per release. */
function journeyReleasesSql(on: PresentFilters, live: LiveSessions): string {
  return `
SELECT path_pattern, '' AS element_key, kind, groupArray((release, sessions)) AS releases
FROM (
    SELECT path_pattern, toString(kind) AS kind, release, uniqExact(session_id) AS sessions
    FROM (${journeySignalsSql("fromUnixTimestamp64Milli({from:Int64}, 'UTC')", "fromUnixTimestamp64Milli({to:Int64}, 'UTC')", live)})
    WHERE concat(path_pattern, char(31), char(31), kind) IN {keys:Array(String)}
      AND ${when(on.release, 'release = {release:String}')}
    GROUP BY path_pattern, kind, release)
GROUP BY path_pattern, kind`;
}

/** Visitors of each page per release in the range, with when the release first viewed it. */
const PAGE_RELEASES_SQL = `
SELECT path_pattern, groupArray((release, sessions, first_seen)) AS page_releases
FROM (
    SELECT path_pattern, release, uniqExact(session_id) AS sessions, toUnixTimestamp64Milli(min(start)) AS first_seen
    FROM {db:Identifier}.page_views
    WHERE project_id = {project:String} AND viewed = 1 AND path_pattern IN {paths:Array(String)}
      AND start >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND start < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
      AND (release = {release:String} OR {release:String} = '')
    GROUP BY path_pattern, release)
GROUP BY path_pattern`;

/**
 * The evidence behind each of these hotspots in the range, of one release when the hotspots were
 * (hotspots with no occurrence there are left out).
 */
export async function findHotspotEvidence(
  store: Store,
  projectId: string,
  hotspots: readonly HotspotKey[],
  filters: { range: TimeRange; release?: string | undefined },
): Promise<HotspotEvidence[]> {
  if (hotspots.length === 0) return [];
  const on = presentFilters({ release: filters.release });
  const journey = new Set<string>(JOURNEY_KINDS);
  const keyOf = (hotspot: HotspotKey) => [hotspot.path_pattern, hotspot.element_key, hotspot.kind].join('\u001f');
  const sdkKeys = hotspots.filter((hotspot) => !journey.has(hotspot.kind)).map(keyOf);
  const journeyKeys = hotspots.filter((hotspot) => journey.has(hotspot.kind)).map(keyOf);
  const params = {
    project: projectId,
    from: filters.range.from,
    to: filters.range.to,
    release: filters.release ?? '',
    paths: [...new Set(hotspots.map((hotspot) => hotspot.path_pattern))],
  };
  const [sdk, journeyRows, pages] = await Promise.all([
    sdkKeys.length ? findSdkEvidence(store, on, { ...params, keys: sdkKeys }) : [],
    journeyKeys.length ? findJourneyReleases(store, on, { ...params, keys: journeyKeys }) : [],
    store.query<{ path_pattern: string; page_releases: HotspotEvidence['page_releases'] }>(
      PAGE_RELEASES_SQL,
      params,
      READ_SETTINGS,
    ),
  ]);
  const pageReleases = new Map(pages.map((row) => [row.path_pattern, row.page_releases]));
  return [...sdk, ...journeyRows].map((row) => ({ ...row, page_releases: pageReleases.get(row.path_pattern) ?? [] }));
}

type SdkEvidenceRow = Omit<HotspotEvidence, 'top_request' | 'top_request_status' | 'page_releases'> & {
  /** `<status> <url>` of the failed request that most often followed. */
  top_request_key: string;
};

async function findSdkEvidence(
  store: Store,
  on: PresentFilters,
  params: Record<string, unknown>,
): Promise<HotspotEvidence[]> {
  const rows = await store.query<SdkEvidenceRow>(evidenceSql(on), params, READ_SETTINGS);
  return rows.map((row) => {
    const space = row.top_request_key.indexOf(' ');
    return {
      path_pattern: row.path_pattern,
      element_key: row.element_key,
      kind: row.kind,
      occurrences: Number(row.occurrences),
      sessions: Number(row.sessions),
      clicks: Number(row.clicks),
      median_wait_ms: Number(row.median_wait_ms),
      disabled: Number(row.disabled),
      errored: Number(row.errored),
      top_error: row.top_error,
      top_error_count: Number(row.top_error_count),
      top_request: space < 0 ? '' : row.top_request_key.slice(space + 1),
      top_request_status: space < 0 ? 0 : Number(row.top_request_key.slice(0, space)),
      top_request_count: Number(row.top_request_count),
      releases: row.releases.map(([release, sessions]) => [release, Number(sessions)]),
      page_releases: [],
    };
  });
}

async function findJourneyReleases(
  store: Store,
  on: PresentFilters,
  params: Record<string, unknown> & { project: string },
): Promise<HotspotEvidence[]> {
  const live = await findLiveSessions(store, params.project);
  const rows = await store.query<Pick<HotspotEvidence, 'path_pattern' | 'element_key' | 'kind' | 'releases'>>(
    journeyReleasesSql(on, live),
    { ...params, ...live.params },
    READ_SETTINGS,
  );
  return rows.map((row) => ({ ...NO_EVIDENCE, ...row, page_releases: [] }));
}

const NO_EVIDENCE: Omit<HotspotEvidence, 'path_pattern' | 'element_key' | 'kind' | 'releases' | 'page_releases'> = {
  occurrences: 0,
  sessions: 0,
  clicks: 0,
  median_wait_ms: 0,
  disabled: 0,
  top_error: '',
  top_error_count: 0,
  errored: 0,
  top_request: '',
  top_request_status: 0,
  top_request_count: 0,
};
