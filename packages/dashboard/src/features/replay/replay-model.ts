import type { RecordedEvent, ReplayMarker, SessionDocument, StoredEvent } from '@snag/protocol';
import { OTHER_CHOICE } from '@snag/protocol/enums';
import { pathOf } from '../../lib/format';
import { triggerLabel } from '../../lib/replay-kept';
import { ERROR_COLOR, kindInfo, PAGE_COLOR, QUESTION_COLOR } from '../../lib/signal-kinds';

/** rrweb event types the dashboard reads (rrweb's `EventType`). */
export const RRWEB_FULL_SNAPSHOT = 2;
export const RRWEB_META = 4;
export const RRWEB_CUSTOM = 5;
/** The custom event the SDK's recorder writes where it stopped recording for a while. */
export const GAP_TAG = 'snag-paused';
const GAP_COLOR = '#64748b';
const GAP_REASONS: Record<string, string> = {
  mutation_storm: 'the page changed too much at once to record',
  mutation_budget: 'the page kept changing faster than the recording budget',
};

/** The custom event the SDK sends when a trigger keeps an on-struggle replay. */
export const REPLAY_KEPT_EVENT = '$snag_replay_kept';
const PREROLL_COLOR = '#0f766e';

export type ItemKind = 'page' | 'click' | 'signal' | 'error' | 'request' | 'gap' | 'question' | 'preroll';

/** One line of the replay's side list, and (for signals, errors, pages) one timeline marker. */
export interface ReplayItem {
  id: string;
  kind: ItemKind;
  /** ms from the session start (the API's offsets). */
  offset: number;
  label: string;
  detail: string;
  color: string;
  signalKind?: string;
  /** Gaps: where recording started again (the next full snapshot); the pre-roll: the trigger. ms from the session start. */
  until?: number;
}

/** Converts between session offsets (ms since the session's first event) and the recording's own clock. */
export interface ReplayClock {
  sessionStart: number;
  recordingStart: number;
  /** Length of the timeline: to the last event or recorded frame, whichever is later. */
  durationMs: number;
}

export function replayClock(start: string, events: RecordedEvent[], session?: SessionDocument): ReplayClock {
  const sessionStart = Date.parse(start);
  const recordingStart = events[0]?.timestamp ?? sessionStart;
  const recordingEnd = events.at(-1)?.timestamp ?? sessionStart;
  const lastEvent = session?.events.at(-1)?.t ?? sessionStart;
  return { sessionStart, recordingStart, durationMs: Math.max(recordingEnd, lastEvent) - sessionStart };
}

export const toRecordingTime = (clock: ReplayClock, offset: number) =>
  Math.max(0, clock.sessionStart + offset - clock.recordingStart);
export const toSessionOffset = (clock: ReplayClock, recordingTime: number) =>
  clock.recordingStart + recordingTime - clock.sessionStart;

type StoredClick = Extract<StoredEvent, { type: 'click' }>;
type StoredRequest = Extract<StoredEvent, { type: 'network' }>;

function describeElement(event: StoredClick): string {
  const text = event.element.text?.trim();
  return text ? `“${text}”` : event.element.selector;
}

const isFailedRequest = (event: StoredEvent): event is StoredRequest =>
  event.type === 'network' && (event.status === 0 || event.status >= 400);

/**
 * The recording's gaps: where the recorder stopped (a `snag-paused` custom event) until it
 * started again with a full snapshot. Nothing that happened in between is in the replay.
 */
export function gapItems(events: RecordedEvent[], sessionStart: number): ReplayItem[] {
  const gaps: ReplayItem[] = [];
  for (const [index, event] of events.entries()) {
    const data = event.data as { tag?: string; payload?: { reason?: string } } | undefined;
    if (event.type !== RRWEB_CUSTOM || data?.tag !== GAP_TAG) continue;
    const resumed = events.find((later, at) => at > index && later.type === RRWEB_FULL_SNAPSHOT);
    gaps.push({
      id: `gap-${event.timestamp}`,
      kind: 'gap',
      offset: event.timestamp - sessionStart,
      until: (resumed ?? events[events.length - 1] ?? event).timestamp - sessionStart,
      label: 'Not recorded',
      detail: GAP_REASONS[data.payload?.reason ?? ''] ?? 'recording paused',
      color: GAP_COLOR,
    });
  }
  return gaps;
}

/**
 * An on-struggle replay's pre-roll: from the start of the kept replay to the trigger that kept it
 * (the SDK's notice, in the client's clock like the recording). Before it nothing was kept.
 */
export function prerollItems(session: SessionDocument | undefined, sessionStart: number): ReplayItem[] {
  const notice = session?.events.find((event) => event.type === 'custom' && event.name === REPLAY_KEPT_EVENT);
  const props = notice?.type === 'custom' ? notice.props : undefined;
  const from = Number(props?.preroll_start_t);
  const to = Number(props?.trigger_t);
  if (!notice || !Number.isFinite(from) || !Number.isFinite(to)) return [];
  return [
    {
      id: `preroll-${notice.id}`,
      kind: 'preroll',
      offset: from - sessionStart,
      until: to - sessionStart,
      label: 'Pre-roll',
      detail: `kept on-struggle by ${triggerLabel(String(props?.trigger))}, ${Math.round((to - from) / 1_000)} s before it`,
      color: PREROLL_COLOR,
    },
  ];
}

/** The side list: pages, clicks, errors and failed requests from the session, the API's signal markers and the recording's gaps. */
export function replayItems(
  session: SessionDocument | undefined,
  markers: ReplayMarker[],
  sessionStart: number,
  events: RecordedEvent[] = [],
): ReplayItem[] {
  const items: ReplayItem[] = [...gapItems(events, sessionStart), ...prerollItems(session, sessionStart)];
  for (const marker of markers)
    items.push({
      id: `signal-${marker.id}`,
      kind: 'signal',
      offset: marker.offset_ms,
      label: kindInfo(marker.kind).label,
      detail: marker.element ? `${marker.element} on ${marker.path}` : marker.path,
      color: kindInfo(marker.kind).color,
      signalKind: marker.kind,
    });
  for (const event of session?.events ?? []) {
    const offset = event.t - sessionStart;
    const base = { id: event.id, offset };
    if (event.type === 'page') {
      items.push({ ...base, kind: 'page', label: 'Page', detail: pathOf(event.url), color: PAGE_COLOR });
    } else if (event.type === 'click') {
      items.push({ ...base, kind: 'click', label: 'Click', detail: describeElement(event), color: '#94a3b8' });
    } else if (event.type === 'error') {
      items.push({ ...base, kind: 'error', label: 'Error', detail: event.message || 'error', color: ERROR_COLOR });
    } else if (event.type === 'answer') {
      items.push({ ...base, kind: 'question', ...describeAnswer(event), color: QUESTION_COLOR });
    } else if (isFailedRequest(event)) {
      const status = event.status === 0 ? 'network error' : `${event.status}`;
      items.push({
        ...base,
        kind: 'request',
        label: 'Failed request',
        detail: `${event.method} ${pathOf(event.request_url)} · ${status}`,
        color: ERROR_COLOR,
      });
    }
  }
  return items.sort((a, b) => a.offset - b.offset || a.id.localeCompare(b.id));
}

/** The timeline shows signals, errors, page changes, gaps and questions; clicks and requests stay in the list. */
export function timelineItems(items: ReplayItem[]): ReplayItem[] {
  return items.filter((item) => item.kind !== 'click' && item.kind !== 'request');
}

type StoredAnswer = Extract<StoredEvent, { type: 'answer' }>;

/** "Question answered · “I thought it was a link”", "Question shown", "Question dismissed". */
function describeAnswer(event: StoredAnswer): { label: string; detail: string } {
  const label = `Question ${event.outcome}`;
  if (event.outcome !== 'answered')
    return { label, detail: event.kind ? `after a ${kindInfo(event.kind).label.toLowerCase()}` : '' };
  const said = [
    event.choice === OTHER_CHOICE ? 'Other' : event.choice,
    event.rating === undefined ? undefined : `${event.rating} / 5`,
    event.text,
  ].filter(Boolean);
  return { label, detail: said.map((part) => `“${part}”`).join(' · ') };
}

/** The URL the user was on at a session offset: the last recorded page (meta event) before it. */
export function urlAt(events: RecordedEvent[], clock: ReplayClock, offset: number): string | null {
  const at = clock.sessionStart + offset;
  let url: string | null = null;
  for (const event of events) {
    if (event.timestamp > at) break;
    if (event.type === RRWEB_META) url = (event.data as { href?: string }).href ?? url;
  }
  return (
    url ?? (events.find((event) => event.type === RRWEB_META)?.data as { href?: string } | undefined)?.href ?? null
  );
}
