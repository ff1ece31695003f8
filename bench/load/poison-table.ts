import { percentile } from '../ingest/load.js';
import { REPAIRED_SHAPE } from './poison-batches.js';
import type { PoisonFigures } from './poison-fault.js';

/** Goal for an acknowledged batch to be readable through the API, in milliseconds. */
export const READABLE_GOAL_MS = 5_000;

const n = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => `${n(Math.round(value))} ms`;

/** How many times each value occurs, most frequent first: "400 too_deep × 17, 202 × 8". */
function tally(values: Iterable<[string, number]>): string {
  return [...values]
    .sort((a, b) => b[1] - a[1])
    .map(([value, count]) => `${value} × ${n(count)}`)
    .join(', ');
}

function count(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Poison batches acknowledged that should have become dead letters (the repaired shape is stored instead). */
export function accepted(figures: PoisonFigures): number {
  return figures.poison.filter((batch) => batch.answer === '202' && batch.shape !== REPAIRED_SHAPE).length;
}

export function repairedSent(figures: PoisonFigures): number {
  return figures.poison.filter((batch) => batch.shape === REPAIRED_SHAPE).length;
}

/** The figures as markdown table rows (the README's "Load and faults" table takes them), then the answers by shape. */
export function poisonTable(figures: PoisonFigures, seconds: number, eventsPerBatch: number): string[] {
  const sent = figures.ordinary.reduce((sum, step) => sum + step.sent, 0);
  const acknowledged = figures.ordinary.reduce((sum, step) => sum + step.acknowledged, 0);
  const rate = figures.ordinary.reduce((sum, step) => sum + step.batchesPerSecond, 0) * eventsPerBatch;
  const steps = figures.ordinary
    .map((step, index) => `project ${index + 1}: p50 ${ms(step.p50)}, p99 ${ms(step.p99)}`)
    .join('; ');
  const letters = figures.deadLetters;
  const readable = figures.readable.map((sample) => sample.ms);
  const reads = figures.readable.map((sample) => sample.readMs);
  const lines = [
    '| poison batches under load | figures |',
    '|---|---|',
    `| ordinary traffic | ${n(rate)} events/s over ${figures.ordinary.length} projects for ${seconds} s: ${n(acknowledged)} of ${n(sent)} batches acknowledged (to the 202, ${steps}) |`,
    `| ordinary events lost | **${n(figures.lostEvents)}**: ${n(figures.storedWhole)} of ${n(acknowledged)} acknowledged batches (${n(acknowledged * eventsPerBatch)} events) read back whole from the store |`,
    `| 202 → readable | ${n(figures.readable.length + figures.notReadable)} batches sampled (one at a time, at least 1 in 20), polled through \`GET /api/v1/projects/:project/sessions/:session\` until it shows all their events: p50 ${ms(percentile(readable, 50))}, p99 ${ms(percentile(readable, 99))}, max ${ms(Math.max(0, ...readable))} (the read itself: p50 ${ms(percentile(reads, 50))}, p99 ${ms(percentile(reads, 99))}); not readable within 30 s: ${figures.notReadable} |`,
    `| poison batches | ${figures.poison.length} sent (1/s, ${new Set(figures.poison.map((batch) => batch.shape)).size} shapes in turn): ${tally(count(figures.poison.map((batch) => batch.answer)))}; events of the refused shapes readable: ${figures.poisonEventsStored}; half-emoji batches (repaired) stored whole: ${figures.repairedStoredWhole} of ${repairedSent(figures)} |`,
    `| dead letters | ${letters.ingest + letters.spool} (ingest ${letters.ingest}, spool ${letters.spool}; ${letters.rows} rows) for ${accepted(figures)} poison batches acknowledged |`,
    `| \`/readyz\` each second | ${tally(figures.readiness)} |`,
  ];
  const shapes = new Map<string, string[]>();
  for (const batch of figures.poison) shapes.set(batch.shape, [...(shapes.get(batch.shape) ?? []), batch.answer]);
  for (const [shape, answers] of shapes) lines.push(`  ${shape}: ${tally(count(answers))}`);
  lines.push(`  server log: ${figures.logFile}`);
  return lines;
}
