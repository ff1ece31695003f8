/**
 * One row of `events`, as inserted (JSONEachRow). Times are Unix ms, which
 * `DateTime64(3)` reads as is. Typed columns an event kind does not use are left
 * out and take their defaults, so ClickHouse parses fewer fields per row.
 */
export interface EventRow {
  project_id: string;
  session_id: string;
  client_time: number;
  event_id: string;
  type: string;
  time: number;
  received_at: number;
  page_id: string;
  url: string;
  path: string;
  path_pattern: string;
  anonymous_id: string;
  user_id: string;
  release: string;
  sdk: string;
  browser: string;
  browser_version: string;
  os: string;
  device: string;
  navigation?: string;
  signal_kind?: string;
  element_selector?: string;
  element_tag?: string;
  element_text?: string;
  element_test_id?: string;
  element_aria_label?: string;
  element_role?: string;
  x?: number;
  y?: number;
  page_width?: number;
  page_height?: number;
  viewport_width?: number;
  viewport_height?: number;
  scroll_depth?: number;
  scroll_reversals?: number;
  status?: number;
  duration_ms?: number;
  name?: string;
  value?: number;
  message?: string;
  /**
   * The event as the SDK sent it (after scrubbing). Inserted as a JSON object into a
   * String column, which ClickHouse stores as its JSON text
   * (input_format_json_read_objects_as_strings), so it is serialised only once.
   */
  data: object;
}

/** One row of `replay_chunks`: a chunk of rrweb events kept as JSON text. */
export interface ReplayRow {
  project_id: string;
  session_id: string;
  client_time: number;
  event_id: string;
  page_id: string;
  seq: number;
  time: number;
  received_at: number;
  url: string;
  full_snapshot: number;
  event_count: number;
  first_timestamp: number;
  last_timestamp: number;
  data: string;
}

export interface IngestRows {
  events: EventRow[];
  replay_chunks: ReplayRow[];
  /** The replay chunks' rrweb events as decoded, for finding the assets they use (not written). */
  recordings?: { type: number }[][];
}
