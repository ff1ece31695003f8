import type { AnswerEvent, ElementDescription } from '@snag/protocol';
import type { AnswerRow, EventRow } from './rows.js';

/**
 * An element's hotspot key, as `ELEMENT_KEY_SQL` (analytics/sql-fragments.ts) derives it from
 * the stored columns: its test id, else its tag and ARIA label, else its selector.
 */
export function elementKey(element: ElementDescription): string {
  if (element.test_id) return `[data-testid="${element.test_id}"]`;
  if (element.aria_label) return `${element.tag}[aria-label="${element.aria_label}"]`;
  return element.selector;
}

/** The `answers` row of an (already scrubbed) answer event, from its `events` row. */
export function toAnswerRow(row: EventRow, event: AnswerEvent): AnswerRow {
  return {
    project_id: row.project_id,
    question_id: event.question_id,
    session_id: row.session_id,
    client_time: row.client_time,
    event_id: row.event_id,
    time: row.time,
    received_at: row.received_at,
    anonymous_id: row.anonymous_id,
    user_id: row.user_id,
    page_id: row.page_id,
    path: row.path,
    path_pattern: row.path_pattern,
    release: row.release,
    signal_id: event.signal_id ?? '',
    signal_kind: event.kind ?? '',
    element_key: event.element ? elementKey(event.element) : '',
    element_selector: event.element?.selector ?? '',
    element_tag: event.element?.tag ?? '',
    element_text: event.element?.text ?? '',
    outcome: event.outcome,
    choice: event.choice ?? '',
    rating: event.rating ?? 0,
    text: event.text ?? '',
  };
}
