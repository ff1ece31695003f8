import { READ_SETTINGS } from '../../analytics/sql-fragments.js';
import { compareReleases } from '../../releases/compare-releases.js';
import { COMPARE_MIN_SESSIONS } from '../../releases/constants.js';
import type { Store } from '../../store/client.js';
import { RELEASE_WINDOW_MS } from './constants.js';
import { explain, findRankedHotspots } from './explained-hotspots.js';
import { type Finding, hotspotKey } from './finding.js';
import { hotspotHeadline } from './headline.js';

/** A release's sessions alert once per hotspot for as long as alerts are kept (the dedupe key names the release). */
const FOREVER_MS = 400 * 24 * 3_600_000;

/** The two newest releases (by their first session) with enough sessions to compare, newest last. */
async function findLatestReleases(store: Store, project: string, from: number, to: number): Promise<string[]> {
  const rows = await store.query<{ release: string }>(
    `SELECT release FROM {db:Identifier}.page_views
     WHERE project_id = {project:String} AND viewed = 1 AND release != ''
       AND start >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND start < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
     GROUP BY release
     HAVING uniqExact(session_id) >= {min:UInt32}
     ORDER BY min(start) DESC
     LIMIT 2`,
    { project, from, to, min: COMPARE_MIN_SESSIONS },
    READ_SETTINGS,
  );
  return rows.map((row) => row.release).reverse();
}

/** Hotspots that are new or worse in the newest release than in the one before (the release comparison's verdicts). */
export async function checkReleaseRegression(store: Store, project: string, now: number): Promise<Finding[]> {
  const range = { from: now - RELEASE_WINDOW_MS, to: now };
  const [base, head] = await findLatestReleases(store, project, range.from, range.to);
  if (!base || !head) return [];
  const changes = (await compareReleases(store, project, { range, base, head })).filter(
    (change) => change.status === 'new' || change.status === 'worse',
  );
  if (changes.length === 0) return [];
  const byKey = new Map(
    changes.map((change) => [`${change.path_pattern}\u001f${change.element_key}\u001f${change.kind}`, change]),
  );
  const hotspots = (await findRankedHotspots(store, project, range)).filter((hotspot) =>
    byKey.has(hotspotKey(hotspot)),
  );
  return (await explain(store, project, hotspots, range)).map((hotspot) => {
    const change = byKey.get(hotspotKey(hotspot)) as (typeof changes)[number];
    const rate = (value: number | null) => `${Math.round(Number(value ?? 0) * 100)} %`;
    return {
      dedupe_key: `${head}\u001f${hotspotKey(hotspot)}`,
      window_ms: FOREVER_MS,
      title: `${change.status === 'new' ? 'New' : 'Worse'} in release ${head}: ${hotspotHeadline(hotspot)}`,
      reason:
        change.status === 'new'
          ? `${change.head_sessions} of ${change.head_page_sessions} visitors of ${hotspot.path} on ${head} hit it; none of ${change.base_page_sessions} on ${base}.`
          : `${rate(change.head_rate)} of visitors of ${hotspot.path} on ${head} hit it, against ${rate(change.base_rate)} on ${base} (z = ${change.z}).`,
      figures: {
        base,
        head,
        base_sessions: Number(change.base_sessions),
        head_sessions: Number(change.head_sessions),
        base_page_sessions: Number(change.base_page_sessions),
        head_page_sessions: Number(change.head_page_sessions),
      },
      hotspot,
    };
  });
}
