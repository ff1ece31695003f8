import type { FalseSignal, WildOutcome } from './wild-run.js';

/** Ordinary interactions a false-signal rate is given per. */
const PER_INTERACTIONS = 1_000;

const rate = (signals: number, interactions: number) =>
  interactions ? ((signals * PER_INTERACTIONS) / interactions).toFixed(1) : '—';

/** One line per page played: interactions, signals, and each signal with the widget it followed. */
export function printWildOutcomes(tool: string, outcomes: WildOutcome[]): void {
  for (const { page, interactions, signals, failure } of outcomes) {
    console.log(
      `  ${page.padEnd(12)} ${String(interactions).padStart(4)} interactions, ${signals.length} false signals`,
    );
    if (failure) console.log(`    UNFINISHED: ${failure}`);
    for (const signal of signals) console.log(`    ${describe(signal)}`);
  }
  const total = outcomes.reduce((sum, outcome) => sum + outcome.signals.length, 0);
  const interactions = outcomes.reduce((sum, outcome) => sum + outcome.interactions, 0);
  console.log(`  ${tool}: ${total} false signals in ${interactions} ordinary interactions`);
}

function describe(signal: FalseSignal): string {
  return `${signal.kind} after ${signal.widget} (${signal.action})${signal.element ? ` on ${signal.element}` : ''}`;
}

/** False signals per 1,000 ordinary interactions, per library and overall, one column per tool. */
export function printWildTable(results: Array<{ tool: string; outcomes: WildOutcome[] }>): void {
  const libraries = [...new Set(results.flatMap(({ outcomes }) => outcomes.map((outcome) => outcome.library)))];
  const header = ['library', 'interactions', ...results.map(({ tool }) => tool)];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  const row = (label: string, pick: (outcome: WildOutcome) => boolean) => {
    const cells = results.map(({ outcomes }) => {
      const chosen = outcomes.filter(pick);
      const signals = chosen.reduce((sum, outcome) => sum + outcome.signals.length, 0);
      const interactions = chosen.reduce((sum, outcome) => sum + outcome.interactions, 0);
      return `${rate(signals, interactions)} (${signals})`;
    });
    const interactions = (results[0]?.outcomes ?? [])
      .filter(pick)
      .reduce((sum, outcome) => sum + outcome.interactions, 0);
    console.log(`| ${label} | ${interactions} | ${cells.join(' | ')} |`);
  };
  for (const library of libraries) row(library, (outcome) => outcome.library === library);
  row('**overall**', () => true);
}
