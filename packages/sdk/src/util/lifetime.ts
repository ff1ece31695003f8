import { guard } from './guard.js';

/** Everything the running client hooked into the page ends with this: listeners, patched methods, observers. */
let lifetime = new AbortController();

/**
 * Adds guarded, passive listeners for space-separated event types. Capture phase by
 * default: a host handler that stops propagation cannot hide events from the SDK.
 */
// biome-ignore lint/suspicious/noExplicitAny: each caller names the event type it listens to
export function listen(target: EventTarget, types: string, handler: (event: any) => void, capture = true): void {
  const options = { capture, passive: true, signal: lifetime.signal };
  for (const type of types.split(' ')) target.addEventListener(type, guard(handler), options);
}

/** Runs `fn` when the client stops. */
export function onStop(fn: () => void): void {
  lifetime.signal.addEventListener('abort', guard(fn));
}

/** Replaces a method of the page (history, fetch, XHR, window.open) until the client stops. */
export function patch<T, K extends keyof T>(target: T, name: K, wrap: (original: T[K]) => T[K]): void {
  const original = target[name];
  target[name] = wrap(original);
  onStop(() => {
    target[name] = original;
  });
}

/** Removes every listener and restores every patched method. */
export function endLifetime(): void {
  lifetime.abort();
  lifetime = new AbortController();
}
