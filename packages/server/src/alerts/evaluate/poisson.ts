/**
 * P(X ≥ k) for X ~ Poisson(λ): the chance of seeing at least `k` when `λ` is expected.
 * Summed in log space, so large λ and k stay finite.
 */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let logTerm = -lambda; // log P(X = 0)
  let below = Math.exp(logTerm);
  for (let i = 1; i < k; i++) {
    logTerm += Math.log(lambda) - Math.log(i);
    below += Math.exp(logTerm);
  }
  return Math.max(0, 1 - below);
}
