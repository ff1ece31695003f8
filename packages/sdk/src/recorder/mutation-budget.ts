import { REPLAY_MUTATION_BUDGET_PER_S, REPLAY_MUTATION_BUDGET_STRIKES } from '../constants.js';
import { INCREMENTAL_SNAPSHOT, MUTATION_SOURCE } from './event-types.js';

interface MutationPayload {
  source: number;
  adds?: unknown[];
  removes?: unknown[];
  texts?: unknown[];
  attributes?: unknown[];
}

/**
 * Counts changed nodes per second (added, or with new text or attributes) from the recorded stream. When a page keeps
 * mutating faster than the budget for a few seconds in a row, recording it costs
 * the host more than the replay is worth: the caller pauses and says so.
 */
export class MutationBudget {
  private windowStart = 0;
  private count = 0;
  private strikes = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Returns true when the budget is exhausted. */
  observe(event: { type: number; data?: unknown }): boolean {
    if (event.type !== INCREMENTAL_SNAPSHOT) return false;
    const data = event.data as MutationPayload | undefined;
    if (!data || data.source !== MUTATION_SOURCE) return false;
    const now = this.now();
    if (now - this.windowStart >= 1_000) {
      this.strikes = this.count > REPLAY_MUTATION_BUDGET_PER_S ? this.strikes + 1 : 0;
      this.windowStart = now;
      this.count = 0;
    }
    // Removes are not counted: replacing a node's content (textContent = …) is one change, not two.
    this.count += (data.adds?.length ?? 0) + (data.texts?.length ?? 0) + (data.attributes?.length ?? 0);
    return this.strikes >= REPLAY_MUTATION_BUDGET_STRIKES || this.count > REPLAY_MUTATION_BUDGET_PER_S * 4;
  }

  reset(): void {
    this.windowStart = 0;
    this.count = 0;
    this.strikes = 0;
  }
}
