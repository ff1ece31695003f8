/** Something to run at or after `dueAt` (Unix ms). */
export interface Job {
  dueAt: number;
}

/**
 * An in-memory queue that runs each job once it is due, at most `concurrency` at a time,
 * on its own timer: nothing that adds a job waits for it to run. The timer does not keep
 * the process alive.
 */
export class JobQueue<J extends Job> {
  private readonly waiting: J[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private timerDueAt = Number.POSITIVE_INFINITY;
  private closed = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly run: (job: J) => Promise<void>,
    private readonly concurrency: number,
  ) {}

  /** Jobs waiting or running. */
  get size(): number {
    return this.waiting.length + this.inFlight.size;
  }

  /** Jobs waiting (not running) that match. */
  countWaiting(predicate: (job: J) => boolean): number {
    return this.waiting.filter(predicate).length;
  }

  add(job: J): void {
    if (this.closed) return;
    // Kept in due order; a job due at the same time as others goes after them.
    let index = this.waiting.length;
    while (index > 0 && (this.waiting[index - 1] as J).dueAt > job.dueAt) index -= 1;
    this.waiting.splice(index, 0, job);
    this.pump();
  }

  /** Resolves once nothing waits or runs (jobs a run adds included). */
  whenIdle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Stops starting jobs; resolves when the running ones are over. Waiting jobs are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.waiting.length = 0;
    await Promise.allSettled([...this.inFlight]);
  }

  private pump(): void {
    if (this.closed) return;
    const now = Date.now();
    while (this.inFlight.size < this.concurrency && this.waiting.length > 0 && (this.waiting[0] as J).dueAt <= now) {
      this.start(this.waiting.shift() as J);
    }
    this.arm();
    if (this.size === 0) this.settleIdle();
  }

  private start(job: J): void {
    const running = this.run(job)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight.delete(running);
        this.pump();
      });
    this.inFlight.add(running);
  }

  /** One timer, for the earliest waiting job, while a slot is free to run it. */
  private arm(): void {
    const next = this.waiting[0];
    const dueAt = next && this.inFlight.size < this.concurrency ? next.dueAt : Number.POSITIVE_INFINITY;
    if (dueAt === this.timerDueAt) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDueAt = dueAt;
    if (dueAt === Number.POSITIVE_INFINITY) return;
    this.timer = setTimeout(
      () => {
        this.timerDueAt = Number.POSITIVE_INFINITY;
        this.pump();
      },
      Math.max(0, dueAt - Date.now()),
    );
    this.timer.unref();
  }

  private settleIdle(): void {
    const waiters = this.idle;
    this.idle = [];
    for (const resolve of waiters) resolve();
  }
}
