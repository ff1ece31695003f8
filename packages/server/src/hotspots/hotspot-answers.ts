import type { AnswersSummary } from '@snag/protocol';
import { findAnswerSummaries, hotspotKeyOf } from '../analytics/find-answer-summaries.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';
import type { HotspotRow } from './find-hotspots.js';

/** What people said at each hotspot in the range, keyed by `answersKey(row)`; hotspots with none are absent. */
export function findHotspotAnswers(
  store: Store,
  projectId: string,
  range: TimeRange,
  rows: readonly HotspotRow[],
): Promise<Map<string, AnswersSummary>> {
  return findAnswerSummaries(store, projectId, { range }, { by: 'hotspot', keys: rows.map(keyOf) });
}

/** A hotspot row's key among the summaries of `findHotspotAnswers`. */
export const answersKey = (row: HotspotRow): string => hotspotKeyOf(keyOf(row));

const keyOf = (row: HotspotRow) => ({ path: row.path_pattern, element: row.element_key, kind: row.kind });
