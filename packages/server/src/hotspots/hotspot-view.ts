import { roundRate } from '../analytics/constants.js';
import type { ExplainedFigures } from '../explain/explain-hotspot.js';
import type { HotspotRow } from './find-hotspots.js';

/** A hotspot as the API shows it (its explanation comes apart): rates as 0–1 fractions, times as ISO 8601, replay deep links. */
export function toHotspotView(projectId: string, row: HotspotRow): ExplainedFigures {
  const sessions = Number(row.sessions);
  const pageSessions = Number(row.page_sessions ?? 0);
  const previous = Number(row.previous_sessions);
  return {
    path: row.path_pattern,
    kind: row.kind,
    element: row.element_key
      ? {
          key: row.element_key,
          selector: row.element_selector,
          tag: row.element_tag,
          text: row.element_text,
          name: row.element_name || null,
          role: row.element_role || null,
        }
      : null,
    impact: Number(row.impact),
    occurrences: Number(row.occurrences),
    sessions,
    users: Number(row.users),
    page_sessions: pageSessions,
    affected_share: pageSessions > 0 ? roundRate(Math.min(1, sessions / pageSessions)) : null,
    abandoned_sessions: Number(row.abandoned_sessions),
    abandonment: roundRate(Number(row.abandoned_sessions) / sessions),
    first_seen: new Date(Number(row.first_seen)).toISOString(),
    last_seen: new Date(Number(row.last_seen)).toISOString(),
    trend: {
      previous_sessions: previous,
      previous_occurrences: Number(row.previous_occurrences),
      change: previous > 0 ? roundRate((sessions - previous) / previous) : null,
    },
    examples: row.examples.map(([, sessionId, offset]) => ({
      session_id: sessionId,
      offset_ms: Math.max(0, Number(offset)),
      replay: `/api/v1/projects/${projectId}/sessions/${encodeURIComponent(sessionId)}/replay#t=${Math.max(0, Number(offset))}`,
    })),
  };
}
