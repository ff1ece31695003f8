/** Response shapes of the analytics API (docs/api.md); only what the dashboard reads. */

export type SignalKind =
  | 'rage_click'
  | 'dead_click'
  | 'slow_click'
  | 'error_click'
  | 'thrashed_cursor'
  | 'form_struggle'
  | 'quick_back'
  | 'dead_end'
  | 'excessive_scroll';

export type Device = 'desktop' | 'tablet' | 'mobile' | 'other';

export interface Project {
  id: string;
  name: string;
  created_at: string;
}

export interface ProjectKeys {
  project: string;
  public_keys: string[];
}

export interface PageRow {
  path: string;
  views: number;
  sessions: number;
  struggling_sessions: number;
  struggle_rate: number;
}

export interface HotspotElement {
  key: string;
  selector: string;
  tag: string;
  text: string;
}

export interface HotspotExample {
  session_id: string;
  offset_ms: number;
  replay: string;
}

export interface Hotspot {
  path: string;
  kind: SignalKind;
  element: HotspotElement | null;
  impact: number;
  occurrences: number;
  sessions: number;
  users: number;
  page_sessions: number;
  affected_share: number | null;
  abandoned_sessions: number;
  abandonment: number;
  first_seen: string;
  last_seen: string;
  trend: { previous_sessions: number; previous_occurrences: number; change: number | null };
  examples: HotspotExample[];
}

export interface Paged {
  next_cursor: string | null;
}

export interface HotspotsResponse extends Paged {
  project: string;
  from: string;
  to: string;
  hotspots: Hotspot[];
}

export interface SessionRow {
  id: string;
  start: string;
  duration_ms: number;
  pages: number;
  user: string | null;
  anonymous_id: string;
  device: string;
  browser: string;
  release: string;
  errors: number;
  signals: number;
  signal_counts: Partial<Record<SignalKind, number>>;
  entry_page: string;
  exit_page: string;
}

export interface SessionsResponse extends Paged {
  from: string;
  to: string;
  sessions: SessionRow[];
}

export interface Marker {
  id: string;
  kind: SignalKind;
  t: number;
  offset_ms: number;
  path: string;
  element: string | null;
}

/** An rrweb event as stored: `{ type, data, timestamp }`. */
export interface RecordedEvent {
  type: number;
  data: unknown;
  timestamp: number;
}

export interface ReplayDocument {
  project: string;
  session: string;
  chunks: number;
  events: RecordedEvent[];
  start: string;
  markers: Marker[];
}

export interface SessionSummary {
  id: string;
  start: string;
  end: string;
  duration_ms: number;
  pages: number;
  events: number;
  signals: number;
  errors: number;
  user_id: string;
  anonymous_id: string;
  browser: string;
  browser_version: string;
  os: string;
  device: string;
  release: string;
  entry_url: string;
  exit_url: string;
  replay_chunks: number;
}

export interface StoredEvent {
  id: string;
  type: string;
  t: number;
  url: string;
  path: string;
  path_pattern: string;
  element?: { selector?: string; text?: string; tag?: string; test_id?: string };
  kind?: SignalKind;
  message?: string;
  method?: string;
  request_url?: string;
  status?: number;
  title?: string;
  navigation?: string;
}

export interface SessionDocument {
  session: SessionSummary;
  events: StoredEvent[];
}

export interface TrendBucket {
  start: string;
  label: string;
  sessions: number;
  struggling_sessions: number;
  struggle_share: number;
  signals: Partial<Record<SignalKind, number>>;
}

export interface TrendsResponse {
  from: string;
  to: string;
  interval: 'hour' | 'day';
  buckets?: TrendBucket[];
  series?: Array<{ release: string; buckets: TrendBucket[] }>;
}

export interface HeatmapElement {
  element: string;
  selector: string;
  tag: string;
  text: string;
  clicks: number;
  sessions: number;
}

export interface HeatmapResponse {
  path: string;
  device: Device | null;
  elements: HeatmapElement[];
  density: { columns: number; row_px: number; cells: Array<{ column: number; row: number; clicks: number }> };
  scroll: { views: number; reached: Array<{ depth_pct: number; views: number; share: number }> };
}

export interface ReleaseChange {
  path: string;
  element: string | null;
  element_text: string | null;
  kind: SignalKind;
  base: { sessions: number; page_sessions: number; rate: number };
  head: { sessions: number; page_sessions: number; rate: number };
  z: number | null;
}

export interface ReleaseComparison {
  from: string;
  to: string;
  base: { release: string; sessions: number };
  head: { release: string; sessions: number };
  new: ReleaseChange[];
  worse: ReleaseChange[];
  better: ReleaseChange[];
  gone: ReleaseChange[];
  unchanged: number;
}

export interface FrictionReport {
  project: string;
  from: string;
  to: string;
  tz: string;
  totals: { sessions: number; struggling_sessions: number; signals: number; struggle_share: number };
  hotspots: Array<Hotspot & { rank: number }>;
  trend: Array<{ day: string; sessions: number; struggling_sessions: number; struggle_share: number }>;
}

/** A report opened from a share link (`GET /share/reports/<token>`): the report and the link's expiry. */
export interface SharedReport extends FrictionReport {
  share: { url: string; expires_at: string };
}

export type Principal =
  | { kind: 'admin_token' }
  | { kind: 'api_token'; id: string; project: string; scope: string }
  | { kind: 'user'; id: string; email: string; projects: Array<{ project: string; role: string }> };

export interface AuthSession {
  principal: Principal;
  csrf_token: string;
}
