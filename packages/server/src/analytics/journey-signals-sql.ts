import { SIGNAL_KINDS } from '@snag/protocol';
import type { LiveSessions } from './find-live-sessions.js';
import { factRowsSql, JOURNEY_KINDS } from './session-facts-sql.js';

/**
 * Journey-level signals, which need the whole session and so are computed on the
 * server from page views rather than in the SDK (issue 4; rules in `sessionFactsSql`):
 * - quick_back: A → B → A where B was left by back navigation within
 *   QUICK_BACK_WINDOW_MS with no click, input or scroll on B; not when B was only
 *   bounced through (left within QUICK_BACK_MIN_DWELL_MS: a redirect or a script
 *   sending people back) or is a sign-in page (an auth bounce);
 * - dead_end: a page people could not get past — struggle (an SDK signal) on a
 *   page the session then ended on (once it is over: quiet for SESSION_ENDED_AFTER_MS)
 *   or went back from, or a quick back from it;
 * - excessive_scroll: scroll reversals in a page view of at least
 *   EXCESSIVE_SCROLL_MIN_REVERSALS and above the path's usual level (its p90 over
 *   other sessions' page views in the 28 days before it, not the range read).
 * Each is one row per page view with a deterministic id (`kind:page_id`), so it
 * deduplicates like an event. Columns: session_id, event_id, time, client_time,
 * path_pattern, path, kind, person, release, and the `extra` columns of a fact.
 *
 * Reads the signals of the page views that started between `from` and `to`
 * (DateTime64 expressions), judged over their whole session; uses the `project`
 * parameter, and `session` when `oneSession` is set. With `withSdkSignals` the SDK's
 * signals of the range come too (from the same facts), as hotspots need them.
 */
export function journeySignalsSql(
  from: string,
  to: string,
  live: LiveSessions,
  sessionOnly = false,
  options: { extra?: string; withSdkSignals?: boolean } = {},
): string {
  const kinds = options.withSdkSignals ? SIGNAL_KINDS : JOURNEY_KINDS;
  const extra = options.extra ? `, ${options.extra}` : '';
  const columns = `session_id, event_id, time, client_time, path_pattern, path, kind, person, release${extra}`;
  // Excessive scrolling is judged when the facts are computed (usual-scroll-sql.ts): every kind is read alike.
  return factRowsSql(columns, kinds, from, to, live, { oneSession: sessionOnly });
}
