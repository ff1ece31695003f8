import { type Batch, type ElementDescription, MAX_CLIENT_TIME_AHEAD_MS, type SnagEvent } from '@snag/protocol';
import { HttpError } from '../http/errors.js';
import { toAnswerRow } from './answer-row.js';
import { pathOf, pathPattern } from './path-pattern.js';
import { decodeReplayEvents, newReplayBudget } from './replay-payload.js';
import type { EventRow, IngestRows, ReplayRow } from './rows.js';
import { scrubDeep, scrubRecordingJson } from './scrub.js';
import { parseUserAgent } from './user-agent.js';

export interface IngestContext {
  projectId: string;
  receivedAt: number;
  userAgent: string | undefined;
  /** Replace emails, card numbers and secrets in what is stored (SNAG_SCRUB). */
  scrub: boolean;
  /** Events older than this many days (after skew correction) would expire at once: refused. */
  retentionDays: number;
}

/**
 * Turns a validated batch into rows: server receive time, event time corrected
 * for the client's clock skew (`received_at - sent_at`), path and path pattern,
 * browser / OS / device from the user agent. The client's IP is never read.
 */
export async function enrichBatch(batch: Batch, context: IngestContext): Promise<IngestRows> {
  const skew = context.receivedAt - batch.sent_at;
  checkEventTimes(batch, skew, context);
  const client = parseUserAgent(context.userAgent);
  const userId = batch.session.user_id ?? batch.events.findLast((event) => event.type === 'identify')?.user_id ?? '';
  const sdk = `${batch.sdk.name}/${batch.sdk.version}`;
  const release = batch.release ?? '';

  const rows: IngestRows = { events: [], replay_chunks: [], answers: [], recordings: [] };
  const paths = new Map<string, { path: string; pattern: string }>();
  const replayBudget = newReplayBudget();
  for (const [index, sent] of batch.events.entries()) {
    const event = context.scrub && sent.type !== 'replay' ? scrubDeep(sent) : sent;
    if (event.type === 'replay') {
      const rrweb = await decodeReplayEvents(event, index, replayBudget);
      rows.recordings?.push(rrweb);
      rows.replay_chunks.push({
        project_id: context.projectId,
        session_id: batch.session.id,
        client_time: event.t,
        event_id: event.id,
        page_id: event.page_id,
        seq: event.seq,
        time: event.t + skew,
        received_at: context.receivedAt,
        url: event.url,
        full_snapshot: event.full_snapshot ? 1 : 0,
        event_count: rrweb.length,
        first_timestamp: Math.round(rrweb[0]?.timestamp ?? event.t),
        last_timestamp: Math.round(rrweb[rrweb.length - 1]?.timestamp ?? event.t),
        data: context.scrub ? scrubRecordingJson(JSON.stringify(rrweb)) : JSON.stringify(rrweb),
      } satisfies ReplayRow);
      continue;
    }
    let location = paths.get(event.url);
    if (!location) {
      const path = pathOf(event.url);
      location = { path, pattern: pathPattern(path) };
      paths.set(event.url, location);
    }
    const row: EventRow = {
      project_id: context.projectId,
      session_id: batch.session.id,
      client_time: event.t,
      event_id: event.id,
      type: event.type,
      time: event.t + skew,
      received_at: context.receivedAt,
      page_id: event.page_id,
      url: event.url,
      path: location.path,
      path_pattern: location.pattern,
      anonymous_id: batch.session.anonymous_id,
      user_id: userId,
      release,
      sdk,
      browser: client.browser,
      browser_version: client.browserVersion,
      os: client.os,
      device: client.device,
      data: event,
    };
    Object.assign(row, typedColumns(event));
    rows.events.push(row);
    if (event.type === 'answer') rows.answers.push(toAnswerRow(row, event));
  }
  return rows;
}

/**
 * Every event's time after skew correction must fall between the start of the
 * retention window and a few minutes ahead of the server's clock: anything else
 * would be acknowledged and then never readable, or kept past retention.
 */
function checkEventTimes(batch: Batch, skew: number, context: IngestContext): void {
  const earliest = context.receivedAt - context.retentionDays * 86_400_000;
  const latest = context.receivedAt + MAX_CLIENT_TIME_AHEAD_MS;
  for (const [index, event] of batch.events.entries()) {
    const time = event.t + skew;
    if (time >= earliest && time <= latest) continue;
    const path = `events.${index}.t`;
    const when = Number.isFinite(time) && Math.abs(time) < 8.64e15 ? new Date(time).toISOString() : String(time);
    throw new HttpError(
      400,
      'time_out_of_range',
      `${path}: the event's time (${when} after correcting for the client's clock with sent_at) is ${
        time < earliest ? `older than the ${context.retentionDays}-day retention` : 'in the future'
      }; accepted: the last ${context.retentionDays} days up to ${MAX_CLIENT_TIME_AHEAD_MS / 60_000} minutes ahead`,
      { path },
    );
  }
}

/** The columns a query filters or groups on, lifted out of each event kind. */
function typedColumns(event: Exclude<SnagEvent, { type: 'replay' }>): Partial<EventRow> {
  switch (event.type) {
    case 'page':
      return {
        navigation: event.navigation,
        viewport_width: event.viewport.width,
        viewport_height: event.viewport.height,
      };
    case 'click':
      return {
        ...elementColumns(event.element),
        x: event.x,
        y: event.y,
        page_width: event.page_width ?? 0,
        page_height: event.page_height ?? 0,
      };
    case 'input':
      return { ...elementColumns(event.element), name: event.input_type, value: event.length };
    case 'scroll':
      return {
        scroll_depth: event.max_depth,
        scroll_reversals: event.reversals,
        page_height: event.page_height,
        viewport_height: event.viewport_height,
      };
    case 'signal':
      return { signal_kind: event.kind, ...(event.element ? elementColumns(event.element) : {}) };
    case 'error':
      return { name: event.origin, message: event.message };
    case 'network':
      return {
        name: event.method.toUpperCase(),
        message: event.request_url,
        status: event.status,
        duration_ms: event.duration_ms,
      };
    case 'vital':
      return { name: event.name, value: event.value };
    case 'identify':
      return { name: event.user_id };
    case 'custom':
      return { name: event.name };
    case 'answer':
      return {
        name: event.question_id,
        value: event.rating ?? 0,
        message: event.text ?? '',
        signal_kind: event.kind ?? '',
        ...(event.element ? elementColumns(event.element) : {}),
      };
    case 'feedback':
      return {
        value: event.rating ?? 0,
        message: event.text ?? '',
        ...(event.element ? elementColumns(event.element) : {}),
      };
  }
}

function elementColumns(element: ElementDescription): Partial<EventRow> {
  return {
    element_selector: element.selector,
    element_tag: element.tag,
    element_text: element.text ?? '',
    element_test_id: element.test_id ?? '',
    element_aria_label: element.aria_label ?? '',
    element_role: element.role ?? '',
  };
}
