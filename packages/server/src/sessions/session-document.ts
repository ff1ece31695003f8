import type { JourneySignal, SessionDocument, StoredEvent } from '@snag/protocol';
import { HttpError } from '../http/errors.js';
import type { Store } from '../store/client.js';
import { parseDateTime } from '../store/datetime.js';
import { findJourneySignals, type JourneySignalRow } from './find-journey-signals.js';
import { findReplayKept } from './find-replay-kept.js';
import { findSessionEvents, findSessionSummary, type StoredEventRow } from './find-session.js';

/**
 * A session as the API shows it: its summary, its events in order, and its signals —
 * the SDK's and the journey ones computed from its page views — in time order. 404 when unknown.
 */
export async function loadSessionDocument(store: Store, project: string, session: string): Promise<SessionDocument> {
  const [summary, rows, kept] = await Promise.all([
    findSessionSummary(store, project, session),
    findSessionEvents(store, project, session),
    findReplayKept(store, project, [session]),
  ]);
  if (!summary) throw new HttpError(404, 'session_not_found', `no session "${session}" in project "${project}"`);
  const events = rows.map(toApiEvent);
  const journey = await findJourneySignals(store, project, session, parseDateTime(summary.start));
  const signals = [...events.filter(isSignalEvent), ...journey.map(toJourneySignal)].sort((a, b) => a.t - b.t);
  return {
    session: {
      ...summary,
      start: toIso(summary.start),
      end: toIso(summary.end),
      duration_ms: Number(summary.duration_ms),
      pages: Number(summary.pages),
      events: Number(summary.events),
      signals: Number(summary.signals),
      errors: Number(summary.errors),
      replay_chunks: Number(summary.replay_chunks),
      replay_kept: kept.get(session) ?? null,
    },
    events,
    signals,
  };
}

type StoredSignal = Extract<StoredEvent, { type: 'signal' }>;

function isSignalEvent(event: StoredEvent): event is StoredSignal {
  return event.type === 'signal';
}

/**
 * An event as the SDK sent it, plus the server's corrected `time` and derived path. `data`
 * holds the rest of the event as ingest validated it against the wire schema, so together
 * with the stored columns it is a stored event.
 */
function toApiEvent(row: StoredEventRow): StoredEvent {
  return {
    ...(JSON.parse(row.data) as Record<string, unknown>),
    id: row.id,
    type: row.type,
    t: parseDateTime(row.t),
    time: toIso(row.time),
    page_id: row.page_id,
    url: row.url,
    path: row.path,
    path_pattern: row.path_pattern,
  } as StoredEvent;
}

/** A journey signal shaped like a stored signal event; its id names the kind and the page view. */
function toJourneySignal(row: JourneySignalRow): JourneySignal {
  return {
    id: row.id,
    type: 'signal',
    kind: row.kind,
    t: Number(row.t),
    time: toIso(row.time),
    page_id: row.id.slice(row.id.indexOf(':') + 1),
    path: row.path,
    path_pattern: row.path_pattern,
  };
}

function toIso(dateTime: string): string {
  return new Date(parseDateTime(dateTime)).toISOString();
}
