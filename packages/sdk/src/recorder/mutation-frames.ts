import { REPLAY_FRAME_MAX_MS, REPLAY_FRAME_MAX_NODES, REPLAY_FRAME_SLOW_STRIKES } from '../constants.js';

type Process = (records: MutationRecord[]) => void;

/** Nodes a record asks rrweb to look at: the target, plus every added subtree in full. */
function weightOf(record: MutationRecord): number {
  let weight = 1;
  for (const node of record.addedNodes) {
    weight += node.nodeType === 1 ? 1 + (node as Element).getElementsByTagName('*').length : 1;
  }
  return weight;
}

/**
 * Coalesces rrweb's mutation observer callbacks into one hand-over per frame, and bounds the work
 * of a frame: when a frame's records would make rrweb serialize more than REPLAY_FRAME_MAX_NODES
 * nodes, or handing them over took longer than REPLAY_FRAME_MAX_MS several frames in a row, the
 * records are dropped unprocessed and `onStorm` is called: the caller ends the incremental
 * recording, marks the gap and starts again later with a fresh (sliced) snapshot.
 */
export class MutationFrames {
  private pending: Array<[Process, MutationRecord[]]> = [];
  private weight = 0;
  private slowFrames = 0;
  private scheduled = false;

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
    const flush = () => this.flush();
    requestAnimationFrame(flush);
    setTimeout(flush, 100);
  }

  /** Hands every pending record to rrweb now. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const work = this.pending;
    this.pending = [];
    this.weight = 0;
    const start = performance.now();
    for (const [process, records] of work) process(records);
    this.slowFrames = performance.now() - start > REPLAY_FRAME_MAX_MS ? this.slowFrames + 1 : 0;
    if (this.slowFrames >= REPLAY_FRAME_SLOW_STRIKES) {
      this.slowFrames = 0;
      this.onStorm();
    }
  }

  /** Forgets pending records (recording stopped: the next snapshot starts from the page as it is). */
  reset(): void {
    this.pending = [];
    this.weight = 0;
    this.slowFrames = 0;
  }
}
