/** A hotspot's identity: (path pattern, element key, kind). */
export interface HotspotKey {
  path_pattern: string;
  element_key: string;
  kind: string;
}

/** What the store knows about a hotspot's occurrences in the range, beyond its figures. */
export interface HotspotEvidence extends HotspotKey {
  /** The occurrences and sessions the details below were read from: the hotspot's latest EVIDENCE_MAX_SESSIONS sessions. */
  occurrences: number;
  sessions: number;
  /** Presses in all its rage bursts (the SDK's `clicks` detail). */
  clicks: number;
  /** Median wait of its dead clicks (`waited_ms`) and slow clicks (`wait_ms`); 0 when none. */
  median_wait_ms: number;
  /** Occurrences on a disabled control (the SDK's `disabled` detail). */
  disabled: number;
  /** The error message that most often followed an occurrence within the window, and how many it followed. */
  top_error: string;
  top_error_count: number;
  /** Occurrences followed by any error. */
  errored: number;
  /** The failed request (URL without query) that most often followed, its usual status, and how many it followed. */
  top_request: string;
  top_request_status: number;
  top_request_count: number;
  /** Affected sessions per release in the range: `[release, sessions]`. */
  releases: Array<[string, number]>;
  /** Sessions that viewed the page per release in the range: `[release, sessions, first seen ms]`. */
  page_releases: Array<[string, number, number]>;
}

/** Evidence with nothing known beyond the releases (journey kinds, or no details). */
export const NO_EVIDENCE: Omit<
  HotspotEvidence,
  'path_pattern' | 'element_key' | 'kind' | 'releases' | 'page_releases'
> = {
  occurrences: 0,
  sessions: 0,
  clicks: 0,
  median_wait_ms: 0,
  disabled: 0,
  top_error: '',
  top_error_count: 0,
  errored: 0,
  top_request: '',
  top_request_status: 0,
  top_request_count: 0,
};
