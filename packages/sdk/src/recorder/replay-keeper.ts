import { REPLAY_BUFFER_MAX_BYTES, REPLAY_TRIGGER_LATE_MS } from '../constants.js';
import type { RecorderConfig, ReplayChunk, SnagEvent } from '../types.js';
import { CUSTOM, FULL_SNAPSHOT } from './event-types.js';
import { ReplayBuffer } from './replay-buffer.js';
import { carryBuffer, isKept, rememberKept, takeCarried } from './replay-carry.js';
import { readReplayMode, triggerOf } from './replay-mode.js';

type RecordedEvent = { type: number; timestamp: number; [key: string]: unknown };

/** What the keeper needs of the running recording. */
export interface Recording {
  /** Adds an event to the live recording (the trigger's marker). */
  mark(event: RecordedEvent): void;
  /** Events recorded but not handed on yet, oldest first. */
  unsent(): RecordedEvent[][];
}

export interface ReplayKeeper {
  /** Where the chunker hands finished chunks. */
  onChunk(chunk: ReplayChunk): void;
  /** Every event the core emits. */
  see(event: SnagEvent): void;
  /** Still buffering (on-struggle, no trigger yet): checkpoints every `bufferMs`. */
  buffering(): boolean;
  bufferMs: number;
  stop(): void;
}

/**
 * The replay mode: `always` hands every chunk on; `on-struggle` holds them in a ReplayBuffer until
 * a trigger, then sends the buffer (the pre-roll, starting with a full snapshot at least `bufferMs`
 * before the trigger) and everything after, and remembers the session as kept for its later page
 * views. A notice (`$snag_replay_kept`) and a `snag-replay-kept` event in the replay say how it was
 * kept. A page that goes away while buffering leaves its buffer to the session's next page load.
 */
export function startReplayKeeper(config: RecorderConfig, recording: Recording): ReplayKeeper {
  const mode = readReplayMode(config);
  const buffer = new ReplayBuffer(mode.bufferMs, REPLAY_BUFFER_MAX_BYTES);
  let kept = !mode.onStruggle || isKept(config.session);

  const keep = (trigger: string, time: number) => {
    if (kept) return;
    kept = true;
    rememberKept(config.session);
    const triggerT = Math.min(time, Date.now());
    buffer.prune(triggerT);
    const prerollStart = buffer.start ?? triggerT;
    const notice = {
      mode: 'on-struggle',
      trigger,
      trigger_t: triggerT,
      preroll_start_t: prerollStart,
      buffer_ms: mode.bufferMs,
      // The memory or carry cap cut the pre-roll: it may be shorter than asked.
      trimmed: buffer.trimmed,
      buffer_peak_bytes: buffer.peakBytes,
    };
    const chunks = buffer.drain();
    for (const chunk of chunks) config.onChunk(chunk);
    recording.mark({ type: CUSTOM, timestamp: Date.now(), data: { tag: 'snag-replay-kept', payload: notice } });
    config.onNotice('$snag_replay_kept', notice);
  };

  const carry = () => {
    if (kept) return;
    buffer.prune(Date.now() - REPLAY_TRIGGER_LATE_MS);
    const chunks = [...buffer.peek()];
    // Chunks still being compressed and the open one, as JSON; a snapshot among them is too big to write now.
    for (const events of recording.unsent()) {
      if (events.some((event) => event.type === FULL_SNAPSHOT)) break;
      chunks.push({
        t: Math.round((events[0] as RecordedEvent).timestamp),
        full_snapshot: false,
        encoding: 'json',
        events,
      });
    }
    carryBuffer(config.session, chunks, buffer.trimmed);
  };

  if (!kept) {
    const carried = takeCarried(config.session);
    for (const chunk of carried?.chunks ?? []) buffer.add(chunk, Date.now() - REPLAY_TRIGGER_LATE_MS);
    if (carried?.trimmed) buffer.trimmed = true;
    addEventListener('pagehide', carry);
  }
  const see = (event: SnagEvent) => {
    if (kept || event.type === 'replay') return;
    const trigger = triggerOf(event, mode.triggers);
    if (trigger) keep(trigger, event.t);
  };
  for (const event of config.early ?? []) see(event);

  return {
    onChunk(chunk) {
      if (kept) config.onChunk(chunk);
      else buffer.add(chunk, Date.now() - REPLAY_TRIGGER_LATE_MS);
    },
    see,
    buffering: () => !kept,
    bufferMs: mode.bufferMs,
    stop() {
      removeEventListener('pagehide', carry);
    },
  };
}
