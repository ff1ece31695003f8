import type { SignalKind } from '@snag/protocol';
import { ALL_KINDS } from '../../tests/scenarios/support/scenario.js';

export interface Outcome {
  scenario: string;
  expected: SignalKind[];
  found: SignalKind[];
}

export interface KindScore {
  kind: SignalKind;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when the tool never reported the kind (precision undefined). */
  precision: number | null;
  /** null when no scenario expects the kind. */
  recall: number | null;
}

/**
 * Per kind, over the scenarios: a kind found and expected is a true positive, found
 * but not expected a false positive, expected but not found a false negative.
 */
export function scoreKinds(outcomes: Outcome[]): KindScore[] {
  return ALL_KINDS.map((kind) => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const { expected, found } of outcomes) {
      const wanted = expected.includes(kind);
      const got = found.includes(kind);
      if (wanted && got) truePositives++;
      else if (got) falsePositives++;
      else if (wanted) falseNegatives++;
    }
    const reported = truePositives + falsePositives;
    const positives = truePositives + falseNegatives;
    return {
      kind,
      truePositives,
      falsePositives,
      falseNegatives,
      precision: reported ? truePositives / reported : null,
      recall: positives ? truePositives / positives : null,
    };
  });
}
