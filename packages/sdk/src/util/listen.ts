import { guard } from './guard.js';

let lifetime = new AbortController();

/**
 * Adds guarded, passive listeners that live until `removeListeners()` (the client
 * stopping), so no module keeps its own removal code. Capture phase by default: a
 * host handler that stops propagation cannot hide events from the SDK.
 */
// biome-ignore lint/suspicious/noExplicitAny: each caller names the event type it listens to
export function listen(target: EventTarget, types: string[], handler: (event: any) => void, capture = true): void {
  const options = { capture, passive: true, signal: lifetime.signal };
  for (const type of types) target.addEventListener(type, guard(handler), options);
}

export function removeListeners(): void {
  lifetime.abort();
  lifetime = new AbortController();
}
