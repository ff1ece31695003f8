import type { Hotspot } from '@snag/protocol';
import type { TimeRange } from '../../analytics/time-range.js';
import { withExplanations } from '../../explain/explain-hotspots.js';
import { findHotspots } from '../../hotspots/find-hotspots.js';
import { answersKey, findHotspotAnswers } from '../../hotspots/hotspot-answers.js';
import { toHotspotView } from '../../hotspots/hotspot-view.js';
import type { Store } from '../../store/client.js';
import { HOTSPOTS_PER_CHECK } from './constants.js';

/** The project's hotspots of the range, ranked by impact, as the API shows them with what people said (without explanations). */
export async function findRankedHotspots(store: Store, project: string, range: TimeRange) {
  const rows = await findHotspots(store, project, { range }, { limit: HOTSPOTS_PER_CHECK });
  const answers = await findHotspotAnswers(store, project, range, rows);
  return rows.map((row) => toHotspotView(project, row, answers.get(answersKey(row)) ?? null));
}

/** These hotspots with their explanations over the range. */
export function explain(store: Store, project: string, hotspots: ReturnType<typeof toHotspotView>[], range: TimeRange) {
  return withExplanations(store, project, hotspots, { range }) as Promise<Hotspot[]>;
}
