import { EVIDENCE_FOLLOW_WINDOW_MS } from './constants.js';
import { type HotspotEvidence, type HotspotKey, NO_EVIDENCE } from './evidence.js';

export interface SampledSignal extends HotspotKey {
  session_id: string;
  event_id: string;
  /** Unix ms. */
  at: number;
}

export interface FollowingEvent {
  session_id: string;
  event_id: string;
  type: 'signal' | 'error' | 'network';
  /** Unix ms. */
  at: number;
  status: number;
  /** The signal's `details` as JSON text ('' for other events). */
  details: string;
  message: string;
}

const keyOf = (hotspot: HotspotKey) => `${hotspot.path_pattern}\u001f${hotspot.element_key}\u001f${hotspot.kind}`;

/** The value seen most often, and how often ('' and 0 when none). */
function mostCommon(values: string[]): [string, number] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: [string, number] = ['', 0];
  for (const entry of counts) if (entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/**
 * Per hotspot, from its sampled signals and their sessions' events: presses (`clicks`), the
 * median wait, disabled controls, and the error and failed request that most often came within
 * EVIDENCE_FOLLOW_WINDOW_MS after a signal; releases from all its signals.
 */
export function summarizeEvidence(
  releases: ReadonlyArray<Pick<HotspotEvidence, 'path_pattern' | 'element_key' | 'kind' | 'releases'>>,
  sample: readonly SampledSignal[],
  following: readonly FollowingEvent[],
): HotspotEvidence[] {
  const details = new Map<string, Record<string, unknown>>();
  const bySession = new Map<string, FollowingEvent[]>();
  for (const event of following) {
    if (event.type === 'signal') {
      try {
        details.set(`${event.session_id}\u001f${event.event_id}`, JSON.parse(event.details || '{}'));
      } catch {}
    } else {
      const list = bySession.get(event.session_id) ?? [];
      list.push(event);
      bySession.set(event.session_id, list);
    }
  }
  const samples = new Map<string, SampledSignal[]>();
  for (const signal of sample) samples.set(keyOf(signal), [...(samples.get(keyOf(signal)) ?? []), signal]);
  return releases.map((row) => {
    const signals = samples.get(keyOf(row)) ?? [];
    const errors: string[] = [];
    const requests: string[] = [];
    const waits: number[] = [];
    let clicks = 0;
    let disabled = 0;
    for (const signal of signals) {
      const detail = details.get(`${signal.session_id}\u001f${signal.event_id}`) ?? {};
      clicks += Number(detail.clicks ?? 0) || 0;
      const wait = Number(detail[signal.kind === 'slow_click' ? 'wait_ms' : 'waited_ms'] ?? 0);
      if (wait > 0) waits.push(wait);
      if (detail.disabled === true) disabled++;
      const near = (bySession.get(signal.session_id) ?? []).filter(
        (event) => event.at >= signal.at && event.at <= signal.at + EVIDENCE_FOLLOW_WINDOW_MS,
      );
      const error = near.find((event) => event.type === 'error');
      if (error) errors.push(error.message);
      const request = near.find((event) => event.type === 'network');
      if (request) requests.push(`${request.status} ${request.message}`);
    }
    const [topError, topErrorCount] = mostCommon(errors);
    const [topRequest, topRequestCount] = mostCommon(requests);
    const space = topRequest.indexOf(' ');
    return {
      ...NO_EVIDENCE,
      path_pattern: row.path_pattern,
      element_key: row.element_key,
      kind: row.kind,
      occurrences: signals.length,
      sessions: new Set(signals.map((signal) => signal.session_id)).size,
      clicks,
      median_wait_ms: median(waits),
      disabled,
      errored: errors.length,
      top_error: topError,
      top_error_count: topErrorCount,
      top_request: space < 0 ? '' : topRequest.slice(space + 1),
      top_request_status: space < 0 ? 0 : Number(topRequest.slice(0, space)),
      top_request_count: topRequestCount,
      releases: row.releases.map(([release, sessions]) => [release, Number(sessions)]),
      page_releases: [],
    };
  });
}
