import type { Properties, SignalKind } from '@snag/protocol';

/** Emits one signal: `time` is an event timestamp (the page's monotonic clock), `element` what it is about. */
export type EmitSignal = (kind: SignalKind, time: number, element?: Element | null, details?: Properties) => void;
