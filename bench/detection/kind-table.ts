import type { KindScore } from './score.js';

const cell = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** Precision and recall per signal kind, two columns per tool, as a Markdown table. */
export function printKindTable(results: Array<{ tool: string; scores: KindScore[] }>): void {
  const header = ['kind', ...results.flatMap(({ tool }) => [`${tool} P`, `${tool} R`])];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  const kinds = results[0]?.scores.map((score) => score.kind) ?? [];
  for (const [i, kind] of kinds.entries()) {
    const row = results.flatMap(({ scores }) => [cell(scores[i]?.precision ?? null), cell(scores[i]?.recall ?? null)]);
    console.log(`| ${kind} | ${row.join(' | ')} |`);
  }
}
