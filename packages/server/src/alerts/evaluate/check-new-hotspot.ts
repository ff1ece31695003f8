import type { Store } from '../../store/client.js';
import { NEW_HOTSPOT_DEDUPE_MS, NEW_HOTSPOT_WINDOW_MS } from './constants.js';
import { explain, findRankedHotspots } from './explained-hotspots.js';
import { type Finding, hotspotKey } from './finding.js';
import { hotspotHeadline } from './headline.js';

/** Hotspots with no occurrence in the 7 days before the last 7 that reached `min_sessions` in the last 7. */
export async function checkNewHotspot(
  store: Store,
  project: string,
  condition: { min_sessions: number },
  now: number,
): Promise<Finding[]> {
  const range = { from: now - NEW_HOTSPOT_WINDOW_MS, to: now };
  const fresh = (await findRankedHotspots(store, project, range)).filter(
    (hotspot) => hotspot.trend.previous_sessions === 0 && hotspot.sessions >= condition.min_sessions,
  );
  return (await explain(store, project, fresh, range)).map((hotspot) => ({
    dedupe_key: hotspotKey(hotspot),
    window_ms: NEW_HOTSPOT_DEDUPE_MS,
    title: `New hotspot: ${hotspotHeadline(hotspot)}`,
    reason: `It first appeared ${new Date(hotspot.first_seen).toUTCString()} and has hurt ${hotspot.sessions} sessions in the last 7 days (none in the 7 days before).`,
    figures: { sessions: hotspot.sessions, occurrences: hotspot.occurrences, min_sessions: condition.min_sessions },
    hotspot,
  }));
}
