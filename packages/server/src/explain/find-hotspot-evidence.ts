import { findLiveSessions, type LiveSessions } from '../analytics/find-live-sessions.js';
import { journeySignalsSql } from '../analytics/journey-signals-sql.js';
import { JOURNEY_KINDS } from '../analytics/session-facts-sql.js';
import { type PresentFilters, presentFilters, READ_SETTINGS, when } from '../analytics/sql-fragments.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';
import { type HotspotEvidence, type HotspotKey, NO_EVIDENCE } from './evidence.js';
import { findSdkEvidence } from './find-sdk-evidence.js';

export type { HotspotEvidence, HotspotKey } from './evidence.js';

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
