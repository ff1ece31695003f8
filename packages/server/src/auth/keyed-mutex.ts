/**
 * Runs tasks that share a key one after another, and tasks with different keys at once.
 * ClickHouse has no unique constraints or transactions, so "one invite → one account"
 * and "one email → one user" are kept by serialising the check-then-insert per key in
 * this process. It holds for one Snag server only (see docs/access.md).
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      // The last task of a key removes it, so the map holds only keys in use.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** The one lock for account creation and invite acceptance in this process. */
export const accountLocks = new KeyedMutex();
