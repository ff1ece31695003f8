import { useEffect } from 'react';

const SKIP_MS = 5_000;

/** Space plays / pauses, ← / → step 5 s, N jumps to the next struggle — unless the user is typing. */
export function usePlayerKeys(handlers: {
  togglePlay: () => void;
  step: (deltaMs: number) => void;
  nextStruggle: () => void;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (target?.closest('input, select, textarea, [role="slider"], [contenteditable="true"]')) return;
      if (event.key === ' ' && !target?.closest('button, a')) {
        event.preventDefault();
        handlers.togglePlay();
      } else if (event.key === 'ArrowRight') handlers.step(SKIP_MS);
      else if (event.key === 'ArrowLeft') handlers.step(-SKIP_MS);
      else if (event.key === 'n' || event.key === 'N') handlers.nextStruggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
