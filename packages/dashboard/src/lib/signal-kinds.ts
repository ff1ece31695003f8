import type { SignalKind } from '@snag/protocol';
import { SIGNAL_KINDS as KINDS, SIGNAL_KIND_LABELS as LABELS } from '@snag/protocol/enums';

export interface KindInfo {
  label: string;
  /** What the user went through, in one line, for tooltips and the hotspot view. */
  description: string;
  color: string;
}

/** How each signal kind of the protocol reads and looks; a new kind there fails the typecheck here. */
export const SIGNAL_KINDS: Record<SignalKind, KindInfo> = {
  rage_click: { label: LABELS.rage_click, description: 'Clicked the same spot again and again', color: '#dc2626' },
  dead_click: { label: LABELS.dead_click, description: 'Clicked, and nothing happened', color: '#d97706' },
  slow_click: {
    label: LABELS.slow_click,
    description: 'Clicked, and waited too long for a response',
    color: '#a16207',
  },
  error_click: { label: LABELS.error_click, description: 'Clicked, and the page threw an error', color: '#db2777' },
  thrashed_cursor: {
    label: LABELS.thrashed_cursor,
    description: 'Moved the cursor erratically, searching',
    color: '#9333ea',
  },
  form_struggle: {
    label: LABELS.form_struggle,
    description: 'Re-entered, cleared or fought with a form field',
    color: '#ea580c',
  },
  quick_back: { label: LABELS.quick_back, description: 'Opened the page and left it at once', color: '#0891b2' },
  dead_end: { label: LABELS.dead_end, description: 'Struggled here, then gave up or went back', color: '#475569' },
  excessive_scroll: {
    label: LABELS.excessive_scroll,
    description: 'Scrolled up and down far more than usual, looking for something',
    color: '#0d9488',
  },
};

/** Signal kinds in the protocol's order (element-level first, then journey-level). */
export const KIND_ORDER: readonly SignalKind[] = KINDS;

export function isSignalKind(value: string | null | undefined): value is SignalKind {
  return value !== null && value !== undefined && (KINDS as readonly string[]).includes(value);
}

export function kindInfo(kind: string): KindInfo {
  return isSignalKind(kind) ? SIGNAL_KINDS[kind] : { label: kind, description: kind, color: '#64748b' };
}

/** Colours of the replay timeline's non-signal markers. */
export const ERROR_COLOR = '#b91c1c';
export const PAGE_COLOR = '#4f46e5';
