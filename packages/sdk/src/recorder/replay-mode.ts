import { REPLAY_BUFFER_DEFAULT_MS, REPLAY_BUFFER_MAX_MS, REPLAY_BUFFER_MIN_MS } from '../constants.js';
import type { RecorderConfig, SnagEvent } from '../types.js';

/** The custom event `snag.keepReplay()` emits. */
export const KEEP_REPLAY_EVENT = '$snag_keep_replay';

export interface ReplayMode {
  /** Buffer in memory and send only on a trigger. */
  onStruggle: boolean;
  /** Pre-roll kept before a trigger, in ms. */
  bufferMs: number;
  /** Kinds that trigger; undefined: every kind. */
  triggers: ReadonlySet<string> | undefined;
}

/** The recorder's replay options, as code, the script tag (strings) or remote settings gave them. */
export function readReplayMode(
  config: Pick<RecorderConfig, 'replay' | 'replayBufferMs' | 'replayTriggers'>,
): ReplayMode {
  const asked = Number(config.replayBufferMs ?? REPLAY_BUFFER_DEFAULT_MS);
  const bufferMs = Number.isFinite(asked)
    ? Math.min(Math.max(asked, REPLAY_BUFFER_MIN_MS), REPLAY_BUFFER_MAX_MS)
    : REPLAY_BUFFER_DEFAULT_MS;
  const list = typeof config.replayTriggers === 'string' ? config.replayTriggers.split(',') : config.replayTriggers;
  const kinds = list?.map((kind) => kind.trim()).filter(Boolean);
  return {
    onStruggle: config.replay === 'on-struggle',
    bufferMs,
    triggers: kinds && kinds.length > 0 ? new Set(kinds) : undefined,
  };
}

/**
 * The trigger an event is, if any: a signal of a chosen kind, a JS error (`error`), an answered
 * question (`answer`), or `snag.keepReplay()` (`keep_replay`, always a trigger).
 */
export function triggerOf(event: SnagEvent, triggers: ReadonlySet<string> | undefined): string | undefined {
  const chosen = (kind: string) => (!triggers || triggers.has(kind) ? kind : undefined);
  if (event.type === 'signal') return chosen(event.kind);
  if (event.type === 'error') return chosen('error');
  if (event.type === 'answer') return event.outcome === 'answered' ? chosen('answer') : undefined;
  if (event.type === 'custom' && event.name === KEEP_REPLAY_EVENT) return 'keep_replay';
  return undefined;
}
