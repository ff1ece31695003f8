import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../src/alerts/delivery/backoff.js';
import { JobQueue } from '../../src/alerts/delivery/job-queue.js';

describe('backoffDelayMs', () => {
  const options = { baseMs: 5_000, maxMs: 600_000, jitter: 0.2 };

  it('doubles after each failed attempt up to the cap', () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 5, 10, 20].map((attempts) => backoffDelayMs(attempts, options, none))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 600_000, 600_000,
    ]);
  });

  it('jitter only shortens a wait, by at most its share', () => {
    expect(backoffDelayMs(3, options, () => 1)).toBe(16_000);
    expect(backoffDelayMs(3, options, () => 0.5)).toBe(18_000);
  });
});

describe('JobQueue', () => {
  it('never runs more jobs at once than its concurrency, and runs them all', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const queue = new JobQueue<{ dueAt: number; n: number }>(async (job) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      done.push(job.n);
    }, 3);
    for (let n = 0; n < 20; n += 1) queue.add({ dueAt: 0, n });
    await queue.whenIdle();
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('runs waiting jobs in due order and holds later ones until their time', async () => {
    const order: string[] = [];
    let release = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const queue = new JobQueue<{ dueAt: number; name: string }>(async (job) => {
      order.push(job.name);
      if (job.name === 'blocker') await blocked;
    }, 1);
    const now = Date.now();
    queue.add({ dueAt: now, name: 'blocker' });
    queue.add({ dueAt: now + 30, name: 'later' });
    queue.add({ dueAt: now - 10, name: 'second' });
    queue.add({ dueAt: now - 20, name: 'first' });
    expect(order).toEqual(['blocker']);
    release();
    await queue.whenIdle();
    expect(order).toEqual(['blocker', 'first', 'second', 'later']);
  });
});
