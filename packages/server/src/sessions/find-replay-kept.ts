import type { ReplayKept } from '@snag/protocol';
import { READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { Store } from '../store/client.js';

/** The custom event the SDK's recorder emits when a trigger keeps an on-struggle replay. */
export const REPLAY_KEPT_EVENT = '$snag_replay_kept';

interface NoticeRow {
  session_id: string;
  client_ms: number;
  time_ms: number;
  data: string;
}

interface NoticeProps {
  trigger?: unknown;
  trigger_t?: unknown;
  preroll_start_t?: unknown;
  buffer_ms?: unknown;
  trimmed?: unknown;
}

/**
 * How each session's replay was kept, read when asked: the first `$snag_replay_kept` notice of the
 * session (on-struggle), else `always` when it has replay chunks, else null. The notice's client
 * times are corrected by the same clock offset the server applied to the notice itself.
 */
export async function findReplayKept(
  store: Store,
  projectId: string,
  sessionIds: string[],
): Promise<Map<string, ReplayKept>> {
  const kept = new Map<string, ReplayKept>();
  if (sessionIds.length === 0) return kept;
  const params = { project: projectId, sessions: sessionIds, name: REPLAY_KEPT_EVENT };
  const [notices, recorded] = await Promise.all([
    store.query<NoticeRow>(
      `SELECT session_id, toUnixTimestamp64Milli(client_time) AS client_ms, toUnixTimestamp64Milli(time) AS time_ms, data
       FROM {db:Identifier}.events
       WHERE project_id = {project:String} AND session_id IN {sessions:Array(String)}
         AND type = 'custom' AND name = {name:String}
       ORDER BY session_id, client_time
       LIMIT 1 BY session_id`,
      params,
      READ_SETTINGS,
    ),
    store.query<{ session_id: string }>(
      `SELECT DISTINCT session_id FROM {db:Identifier}.replay_chunks
       WHERE project_id = {project:String} AND session_id IN {sessions:Array(String)}`,
      params,
      READ_SETTINGS,
    ),
  ]);
  for (const { session_id } of recorded) kept.set(session_id, { mode: 'always' });
  for (const row of notices) {
    const props = ((JSON.parse(row.data) as { props?: NoticeProps }).props ?? {}) as NoticeProps;
    const skew = Number(row.time_ms) - Number(row.client_ms);
    const triggerT = Number(props.trigger_t);
    const prerollT = Number(props.preroll_start_t);
    if (!Number.isFinite(triggerT) || !Number.isFinite(prerollT)) continue;
    kept.set(row.session_id, {
      mode: 'on-struggle',
      trigger: String(props.trigger ?? ''),
      trigger_time: new Date(triggerT + skew).toISOString(),
      preroll_start: new Date(prerollT + skew).toISOString(),
      preroll_ms: Math.max(0, Math.round(triggerT - prerollT)),
      buffer_ms: Math.max(0, Math.round(Number(props.buffer_ms) || 0)),
      trimmed: props.trimmed === true,
    });
  }
  return kept;
}
