import type { Hotspot } from '@snag/protocol';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';
import { MAX_EXPLAINED_HOTSPOTS } from './constants.js';
import { type ExplainedFigures, explainHotspot } from './explain-hotspot.js';
import { findHotspotEvidence } from './find-hotspot-evidence.js';

const keyOf = (path: string, element: string, kind: string) => `${path}\u0000${element}\u0000${kind}`;

/** These hotspots with their explanations: one evidence query for the first MAX_EXPLAINED_HOTSPOTS of them. */
export async function withExplanations<T extends ExplainedFigures>(
  store: Store,
  projectId: string,
  hotspots: readonly T[],
  filters: { range: TimeRange; release?: string | undefined },
): Promise<Array<T & Pick<Hotspot, 'explanation'>>> {
  const explained = hotspots.slice(0, MAX_EXPLAINED_HOTSPOTS);
  const evidence = await findHotspotEvidence(
    store,
    projectId,
    explained.map((hotspot) => ({
      path_pattern: hotspot.path,
      element_key: hotspot.element?.key ?? '',
      kind: hotspot.kind,
    })),
    filters,
  );
  const byKey = new Map(evidence.map((row) => [keyOf(row.path_pattern, row.element_key, row.kind), row]));
  return hotspots.map((hotspot, index) => ({
    ...hotspot,
    explanation:
      index < MAX_EXPLAINED_HOTSPOTS
        ? explainHotspot(hotspot, byKey.get(keyOf(hotspot.path, hotspot.element?.key ?? '', hotspot.kind)))
        : [],
  }));
}
