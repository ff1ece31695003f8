import type { SignalKind } from '@snag/protocol';

/** One signal a tool reported, with the time it is about (ms since epoch) and the element it named. */
export interface TimedSignal {
  kind: SignalKind;
  t: number;
  element: string;
}
