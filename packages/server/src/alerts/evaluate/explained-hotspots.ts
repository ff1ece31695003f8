import type { Hotspot } from '@snag/protocol';
import type { TimeRange } from '../../analytics/time-range.js';
import { withExplanations } from '../../explain/explain-hotspots.js';
import { findHotspots } from '../../hotspots/find-hotspots.js';
import { toHotspotView } from '../../hotspots/hotspot-view.js';
import type { Store } from '../../store/client.js';
import { HOTSPOTS_PER_CHECK } from './constants.js';

/** The project's hotspots of the range, ranked by impact, as the API shows them (without explanations). */
export async function findRankedHotspots(store: Store, project: string, range: TimeRange) {
  const rows = await findHotspots(store, project, { range }, { limit: HOTSPOTS_PER_CHECK });
  return rows.map((row) => toHotspotView(project, row));
}

/** These hotspots with their explanations over the range. */
export function explain(store: Store, project: string, hotspots: ReturnType<typeof toHotspotView>[], range: TimeRange) {
  return withExplanations(store, project, hotspots, { range }) as Promise<Hotspot[]>;
}
