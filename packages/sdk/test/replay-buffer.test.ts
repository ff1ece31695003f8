import type { SnagEvent } from '@snag/protocol';
import { describe, expect, it } from 'vitest';
import { REPLAY_BUFFER_DEFAULT_MS, REPLAY_BUFFER_MIN_MS } from '../src/constants.js';
import { ReplayBuffer } from '../src/recorder/replay-buffer.js';
import { readReplayMode, triggerOf } from '../src/recorder/replay-mode.js';
import type { ReplayChunk } from '../src/types.js';

const S = 1_000;
const WINDOW = 60 * S;
const chunk = (t: number, full_snapshot = false, bytes = 100): ReplayChunk => ({
  t,
  full_snapshot,
  encoding: 'gzip-base64',
  data: 'x'.repeat(bytes),
});

/** A recording that checkpoints every `every` ms and closes a chunk every 5 s, up to `until`. */
function record(buffer: ReplayBuffer, every: number, until: number, bytes = 100) {
  for (let t = 0; t <= until; t += 5 * S) buffer.add(chunk(t, t % every === 0, bytes), t);
}

describe('on-struggle ring buffer', () => {
  it('always starts with a full snapshot at least the window before now', () => {
    const buffer = new ReplayBuffer(WINDOW, 1e9);
    for (let now = 0; now <= 10 * 60 * S; now += 5 * S) {
      buffer.add(chunk(now, now % WINDOW === 0), now);
      const first = buffer.peek()[0] as ReplayChunk;
      expect(first.full_snapshot).toBe(true);
      // Before a minute has passed the buffer holds everything since recording began.
      expect(now - first.t).toBeGreaterThanOrEqual(Math.min(now, WINDOW));
      // A segment goes once the next covers the window: at most two windows held.
      expect(now - first.t).toBeLessThan(2 * WINDOW);
    }
    expect(buffer.trimmed).toBe(false);
  });

  it('keeps the older checkpoint until the newer one is itself old enough', () => {
    const buffer = new ReplayBuffer(WINDOW, 1e9);
    record(buffer, WINDOW, 115 * S);
    // The checkpoint at 60 s is only 55 s old: the one at 0 s stays.
    expect(buffer.start).toBe(0);
    buffer.add(chunk(120 * S, true), 120 * S);
    expect(buffer.start).toBe(60 * S);
  });

  it('drops chunks that have no snapshot to play them from', () => {
    const buffer = new ReplayBuffer(WINDOW, 1e9);
    buffer.add(chunk(0), 0);
    expect(buffer.peek()).toHaveLength(0);
    buffer.add(chunk(5 * S, true), 5 * S);
    buffer.add(chunk(10 * S), 10 * S);
    expect(buffer.peek().map((c) => c.t)).toEqual([5 * S, 10 * S]);
  });

  it('respects its memory cap, and says the pre-roll was cut', () => {
    const buffer = new ReplayBuffer(WINDOW, 5_000);
    record(buffer, 30 * S, 120 * S, 400);
    expect(buffer.bytes).toBeLessThanOrEqual(5_000);
    expect(buffer.peakBytes).toBeGreaterThan(buffer.bytes - 1);
    expect(buffer.trimmed).toBe(true);
    expect((buffer.peek()[0] as ReplayChunk).full_snapshot).toBe(true);
  });

  it('starts again at the next checkpoint when one segment alone is over the cap', () => {
    const buffer = new ReplayBuffer(WINDOW, 1_000);
    buffer.add(chunk(0, true, 600), 0);
    buffer.add(chunk(5 * S, false, 600), 5 * S);
    expect(buffer.peek()).toHaveLength(0);
    expect(buffer.bytes).toBe(0);
    expect(buffer.trimmed).toBe(true);
    // Incrementals until then cannot be played: dropped; the next snapshot starts a segment.
    buffer.add(chunk(10 * S), 10 * S);
    buffer.add(chunk(60 * S, true), 60 * S);
    expect(buffer.peek().map((c) => c.t)).toEqual([60 * S]);
  });

  it('hands everything over once, oldest first', () => {
    const buffer = new ReplayBuffer(WINDOW, 1e9);
    record(buffer, WINDOW, 30 * S);
    const drained = buffer.drain();
    expect(drained.map((c) => c.t)).toEqual([0, 5, 10, 15, 20, 25, 30].map((s) => s * S));
    expect(buffer.peek()).toHaveLength(0);
    expect(buffer.bytes).toBe(0);
  });
});

const at = { id: 'e', t: 1, page_id: 'p', url: 'https://shop.test/' };
describe('replay mode and triggers', () => {
  it('reads the script tag’s strings and bounds the pre-roll', () => {
    expect(readReplayMode({ replay: true })).toEqual({
      onStruggle: false,
      bufferMs: REPLAY_BUFFER_DEFAULT_MS,
      triggers: undefined,
    });
    const mode = readReplayMode({
      replay: 'on-struggle',
      replayBufferMs: '30000',
      replayTriggers: 'rage_click, error',
    });
    expect(mode).toEqual({ onStruggle: true, bufferMs: 30_000, triggers: new Set(['rage_click', 'error']) });
    expect(readReplayMode({ replay: 'on-struggle', replayBufferMs: 10 }).bufferMs).toBe(REPLAY_BUFFER_MIN_MS);
    expect(readReplayMode({ replay: 'on-struggle', replayBufferMs: 'soon' }).bufferMs).toBe(REPLAY_BUFFER_DEFAULT_MS);
  });

  it('triggers on the chosen kinds, errors, answered questions and keepReplay()', () => {
    const rage = { ...at, type: 'signal', kind: 'rage_click' } as SnagEvent;
    const dead = { ...at, type: 'signal', kind: 'dead_click' } as SnagEvent;
    const error = { ...at, type: 'error', origin: 'error', message: 'x' } as SnagEvent;
    const answered = { ...at, type: 'answer', question_id: 'q', outcome: 'answered', rating: 2 } as SnagEvent;
    const dismissed = { ...at, type: 'answer', question_id: 'q', outcome: 'dismissed' } as SnagEvent;
    const keep = { ...at, type: 'custom', name: '$snag_keep_replay' } as SnagEvent;
    const click = { ...at, type: 'custom', name: 'checkout' } as SnagEvent;
    expect([rage, dead, error, answered, dismissed, keep, click].map((e) => triggerOf(e, undefined))).toEqual([
      'rage_click',
      'dead_click',
      'error',
      'answer',
      undefined,
      'keep_replay',
      undefined,
    ]);
    const chosen = new Set(['rage_click']);
    expect([rage, dead, error, keep].map((e) => triggerOf(e, chosen))).toEqual([
      'rage_click',
      undefined,
      undefined,
      'keep_replay',
    ]);
  });
});
