import { EventType, IncrementalSource } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { REPLAY_MUTATION_BUDGET_PER_S, REPLAY_MUTATION_BUDGET_STRIKES } from '../src/constants.js';
import { MutationBudget } from '../src/recorder/mutation-budget.js';

const mutation = (nodes: number) => ({
  type: EventType.IncrementalSnapshot,
  data: { source: IncrementalSource.Mutation, adds: [], removes: [], texts: new Array(nodes).fill({}), attributes: [] },
});

describe('mutation budget', () => {
  it('tolerates a busy page below the budget', () => {
    let now = 0;
    const budget = new MutationBudget(() => now);
    for (let second = 0; second < 10; second++, now += 1_000) {
      expect(budget.observe(mutation(REPLAY_MUTATION_BUDGET_PER_S / 2))).toBe(false);
    }
  });

  it('is exhausted after consecutive seconds over the budget', () => {
    let now = 0;
    const budget = new MutationBudget(() => now);
    const results: boolean[] = [];
    for (let second = 0; second <= REPLAY_MUTATION_BUDGET_STRIKES; second++, now += 1_000) {
      results.push(budget.observe(mutation(REPLAY_MUTATION_BUDGET_PER_S + 1)));
    }
    expect(results.at(-1)).toBe(true);
    expect(results[0]).toBe(false);
  });

  it('is exhausted at once by a burst far over the budget', () => {
    const budget = new MutationBudget(() => 0);
    expect(budget.observe(mutation(REPLAY_MUTATION_BUDGET_PER_S * 5))).toBe(true);
  });

  it('counts a replaced node once: removes are not changes of their own', () => {
    const budget = new MutationBudget(() => 0);
    const replaced = (nodes: number) => ({
      type: EventType.IncrementalSnapshot,
      data: { source: IncrementalSource.Mutation, adds: new Array(nodes).fill({}), removes: new Array(nodes).fill({}) },
    });
    expect(budget.observe(replaced(REPLAY_MUTATION_BUDGET_PER_S * 3))).toBe(false);
    expect(budget.observe(replaced(REPLAY_MUTATION_BUDGET_PER_S * 2))).toBe(true);
  });

  it('ignores everything but mutations', () => {
    const budget = new MutationBudget(() => 0);
    expect(budget.observe({ type: EventType.FullSnapshot, data: {} })).toBe(false);
  });
});
