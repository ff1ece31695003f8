import type { ElementSpec } from './scenario.js';

/** A row of the server's `events` table (every column, JSONEachRow). */
export type EventRow = Record<string, string | number>;
export type ReplayRow = Record<string, string | number>;

export interface SessionContext {
  project_id: string;
  session_id: string;
  anonymous_id: string;
  user_id: string;
  release: string;
  browser: string;
  os: string;
  device: string;
}

export function dateTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export function elementColumns(element: ElementSpec): EventRow {
  return {
    element_selector: element.selector,
    element_tag: element.tag,
    element_text: element.text,
    element_test_id: element.test_id,
  };
}

/** An event row; the server's clock agrees with the client's in generated traffic. */
export function eventRow(
  session: SessionContext,
  page: { id: string; url: string; path: string; pattern: string },
  event: { id: string; type: string; t: number; columns?: EventRow; data?: object },
): EventRow {
  const time = dateTime(event.t);
  // One literal with every column keeps the row's shape fixed: generating millions stays cheap.
  const row: EventRow = {
    project_id: session.project_id,
    session_id: session.session_id,
    client_time: time,
    event_id: event.id,
    type: event.type,
    time,
    received_at: time,
    page_id: page.id,
    url: page.url,
    path: page.path,
    path_pattern: page.pattern,
    anonymous_id: session.anonymous_id,
    user_id: session.user_id,
    release: session.release,
    sdk: 'snag-js/0.1.0',
    browser: session.browser,
    browser_version: '120',
    os: session.os,
    device: session.device,
    navigation: '',
    signal_kind: '',
    element_selector: '',
    element_tag: '',
    element_text: '',
    element_test_id: '',
    element_aria_label: '',
    element_role: '',
    x: 0,
    y: 0,
    page_width: 0,
    page_height: 0,
    viewport_width: 0,
    viewport_height: 0,
    scroll_depth: 0,
    scroll_reversals: 0,
    status: 0,
    duration_ms: 0,
    name: '',
    value: 0,
    message: '',
    data: event.data ? JSON.stringify(event.data) : '{}',
  };
  if (event.columns) for (const key in event.columns) row[key] = event.columns[key] as string | number;
  return row;
}
