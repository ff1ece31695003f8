import { describe, expect, it } from 'vitest';
import { REPLAY_FRAME_MAX_NODES, REPLAY_SLICE_MS } from '../src/constants.js';
import { MutationFrames } from '../src/recorder/mutation-frames.js';

// Node has no frames: a frame is a timer here, as in a hidden tab.
globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback) =>
  setTimeout(() => callback(performance.now()), 16) as unknown as number;

/** A text change as the MutationObserver reports it (no added nodes), numbered to check the order. */
const record = (index: number) => ({ type: 'characterData', addedNodes: [], index }) as unknown as MutationRecord;

/** Stands in for rrweb's processing: keeps the order and costs `msPerRecord` of main-thread time. */
function processor(msPerRecord: number) {
  const seen: number[] = [];
  const batches: number[] = [];
  const process = (records: MutationRecord[]) => {
    batches.push(records.length);
    for (const r of records) {
      const until = performance.now() + msPerRecord;
      while (performance.now() < until);
      seen.push((r as unknown as { index: number }).index);
    }
  };
  return { seen, batches, process };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mutation frames', () => {
  it('hands a slow frame over in slices, in the order the records came', async () => {
    const storms: number[] = [];
    const frames = new MutationFrames(() => storms.push(1));
    const { seen, batches, process } = processor(0.1);
    const handOver = frames.wrap(process);
    handOver(Array.from({ length: 300 }, (_, i) => record(i)));
    handOver(Array.from({ length: 300 }, (_, i) => record(300 + i)));

    expect(frames.flush(REPLAY_SLICE_MS)).toBe(false);
    const firstSlice = seen.length;
    expect(firstSlice).toBeGreaterThan(0);
    expect(firstSlice).toBeLessThan(600);
    // Records arriving meanwhile queue up behind the rest.
    handOver([record(600)]);
    for (let wait = 0; wait < 100 && seen.length < 601; wait++) await settle(20);

    expect(seen).toEqual(Array.from({ length: 601 }, (_, i) => i));
    expect(Math.max(...batches)).toBeLessThanOrEqual(100);
    expect(storms).toEqual([]);
  });

  it('hands everything over at once when asked without a budget', () => {
    const frames = new MutationFrames(() => undefined);
    const { seen, process } = processor(0.05);
    frames.wrap(process)(Array.from({ length: 400 }, (_, i) => record(i)));
    expect(frames.flush()).toBe(true);
    expect(seen).toHaveLength(400);
  });

  it('drops a frame that would make rrweb look at too many nodes, and says so', () => {
    const storms: number[] = [];
    const frames = new MutationFrames(() => storms.push(1));
    const { seen, process } = processor(0);
    frames.wrap(process)(Array.from({ length: REPLAY_FRAME_MAX_NODES + 1 }, (_, i) => record(i)));
    expect(storms).toEqual([1]);
    expect(frames.flush()).toBe(true);
    expect(seen).toEqual([]);
  });
});
