import type { AlertCondition } from '@snag/protocol';

/** What a rule watches, in one sentence. */
export function describeCondition(condition: AlertCondition): string {
  switch (condition.kind) {
    case 'new_hotspot':
      return `A new hotspot reaches ${condition.min_sessions} sessions within 7 days.`;
    case 'above_baseline':
      return `A hotspot's sessions in the last 24 h are above its own 28-day level (false alarms ≤ ${condition.false_alarm_rate * 100} % per hotspot and day, at least ${condition.min_sessions} sessions).`;
    case 'page_struggle_rate':
      return `More than ${Math.round(condition.threshold * 100)} % of visitors of ${condition.path} struggle there in 24 h (at least ${condition.min_sessions} visitors).`;
    case 'release_regression':
      return 'The newest release has new or worse hotspots than the one before.';
  }
}

export const RULE_KINDS = [
  { value: 'new_hotspot', label: 'New hotspot' },
  { value: 'above_baseline', label: 'Worse than its baseline' },
  { value: 'page_struggle_rate', label: 'Page struggle rate' },
  { value: 'release_regression', label: 'Regression after a release' },
] as const;
