/**
 * Wraps a function so that nothing it throws reaches the host page: every public
 * function, listener and timer callback of the SDK goes through here.
 */
export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (error) {
      reportInternal(error);
      return undefined;
    }
  };
}

/** A guarded timer. */
export function later(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
  return setTimeout(guard(fn), ms);
}

let debug = false;

export function setDebug(on: boolean): void {
  debug = on;
}

export function reportInternal(error: unknown): void {
  if (debug) console.warn('[snag]', error);
}
