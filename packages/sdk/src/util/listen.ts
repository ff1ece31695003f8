import { guard } from './guard.js';

/** Guarded capture-phase listeners (a host handler that stops propagation cannot hide events); returns their removal. */
// biome-ignore lint/suspicious/noExplicitAny: each caller names the event type it listens to
export function listen(target: EventTarget, types: string[], handler: (event: any) => void): () => void {
  const safe = guard(handler);
  for (const type of types) target.addEventListener(type, safe, { capture: true, passive: true });
  return () => {
    for (const type of types) target.removeEventListener(type, safe, { capture: true });
  };
}
