import {
  REPLAY_FRAME_MAX_MS,
  REPLAY_FRAME_MAX_NODES,
  REPLAY_FRAME_SLOW_STRIKES,
  REPLAY_SLICE_MS,
} from '../constants.js';
import { yieldToPage } from './yield-to-page.js';

type Process = (records: MutationRecord[]) => void;

/** Records handed to rrweb at once, between two looks at the clock. */
const RECORDS_PER_STEP = 100;

/** Nodes a record asks rrweb to look at: the target, plus every added subtree in full. */
function weightOf(record: MutationRecord): number {
  let weight = 1;
  for (const node of record.addedNodes) {
    weight += node.nodeType === 1 ? 1 + (node as Element).getElementsByTagName('*').length : 1;
  }
  return weight;
}

/**
 * Coalesces rrweb's mutation observer callbacks into one hand-over per frame, and bounds the work:
 * - a hand-over stops after REPLAY_SLICE_MS and goes on in the next task (in order: records are
 *   handed to rrweb as the observer delivered them, only in smaller batches, as an observer may);
 * - when a frame's records would make rrweb serialize more than REPLAY_FRAME_MAX_NODES nodes, or
 *   handing a frame's records over took longer than REPLAY_FRAME_MAX_MS in all several frames in a
 *   row, the records are dropped unprocessed and `onStorm` is called: the caller ends the incremental
 *   recording, marks the gap and starts again later with a fresh (sliced) snapshot.
 */
export class MutationFrames {
  private pending: Array<[Process, MutationRecord[]]> = [];
  private weight = 0;
  private slowFrames = 0;
  private scheduled = false;
  /** Time spent handing over the current frame's records so far, ms. */
  private frameMs = 0;
  private continuing = false;

  constructor(private readonly onStorm: () => void) {}

  wrap(process: Process): Process {
    return (records) => this.add(process, records);
  }

  private add(process: Process, records: MutationRecord[]): void {
    for (const record of records) this.weight += weightOf(record);
    if (this.weight > REPLAY_FRAME_MAX_NODES) {
      this.reset();
      this.onStorm();
      return;
    }
    const last = this.pending[this.pending.length - 1];
    if (last && last[0] === process) for (const record of records) last[1].push(record);
    else this.pending.push([process, records]);
    if (this.scheduled) return;
    this.scheduled = true;
    // requestAnimationFrame does not run in a hidden tab: the timer hands the records over there.
    const flush = () => this.flush(REPLAY_SLICE_MS);
    requestAnimationFrame(flush);
    setTimeout(flush, 100);
  }

  /**
   * Hands pending records to rrweb, for at most `budgetMs` (default: no limit; the rest in the next task); true when
   * nothing is left pending.
   */
  flush(budgetMs = 1 / 0): boolean {
    this.scheduled = false;
    if (this.pending.length === 0) return true;
    // Weighed from here on: what arrives now belongs to the next frame.
    this.weight = 0;
    const start = performance.now();
    const deadline = start + budgetMs;
    while (this.pending.length > 0 && performance.now() < deadline) {
      const [process, queued] = this.pending[0] as [Process, MutationRecord[]];
      const records = queued.splice(0, RECORDS_PER_STEP);
      if (queued.length === 0) this.pending.shift();
      process(records);
    }
    this.frameMs += performance.now() - start;
    const done = this.pending.length === 0;
    if (done) {
      this.slowFrames = this.frameMs > REPLAY_FRAME_MAX_MS ? this.slowFrames + 1 : 0;
      this.frameMs = 0;
      if (this.slowFrames >= REPLAY_FRAME_SLOW_STRIKES) {
        this.slowFrames = 0;
        this.onStorm();
      }
    } else if (!this.continuing) {
      this.continuing = true;
      yieldToPage(() => {
        this.continuing = false;
        this.flush(REPLAY_SLICE_MS);
      });
    }
    return done;
  }

  /** Forgets pending records (recording stopped: the next snapshot starts from the page as it is). */
  reset(): void {
    this.pending = [];
    this.weight = 0;
    this.slowFrames = 0;
    this.frameMs = 0;
  }
}
