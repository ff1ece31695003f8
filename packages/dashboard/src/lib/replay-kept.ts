import type { ReplayKept } from '@snag/protocol';
import { formatClock } from './format';
import { isSignalKind, kindInfo } from './signal-kinds';

const TRIGGER_LABELS: Record<string, string> = {
  error: 'an error',
  answer: 'an answered question',
  keep_replay: 'keepReplay()',
};

/** What kept an on-struggle replay, in words: "a rage click", "an error", "keepReplay()". */
export function triggerLabel(trigger: string): string {
  if (isSignalKind(trigger)) return `a ${kindInfo(trigger).label.toLowerCase()}`;
  return TRIGGER_LABELS[trigger] ?? trigger;
}

/**
 * How the replay was kept, short: "always", "on-struggle from 0:42" (the pre-roll's start, from the
 * session start), "no replay".
 */
export function describeReplayKept(kept: ReplayKept, sessionStart: string): string {
  if (!kept) return 'no replay';
  if (kept.mode === 'always') return 'always';
  return `on-struggle from ${formatClock(Date.parse(kept.preroll_start) - Date.parse(sessionStart))}`;
}

/** The longer form, for a tooltip: which trigger, how much before it, and whether the pre-roll was cut. */
export function explainReplayKept(kept: ReplayKept): string {
  if (!kept) return 'The SDK sent no replay for this session.';
  if (kept.mode === 'always') return 'Recorded from the start of the session.';
  const seconds = Math.round(kept.preroll_ms / 1_000);
  const cut = kept.trimmed ? ' The browser’s buffer cap cut the pre-roll: it may be shorter than asked.' : '';
  return `Kept by ${triggerLabel(kept.trigger)}: the replay starts ${seconds} s before it (asked: ${Math.round(kept.buffer_ms / 1_000)} s).${cut}`;
}
