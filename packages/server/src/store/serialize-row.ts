/** ES2024's String.prototype.toWellFormed (Node 20 has it; the ES2023 lib does not declare it). */
type WellFormed = string & { toWellFormed(): string };

/**
 * JSON.stringify writes a lone UTF-16 surrogate (half an emoji, as `text.slice(0, 60)` can
 * leave) as a `\uD83D` escape, which ClickHouse refuses ("missing second part of surrogate
 * pair"): one such string would cost its whole batch. Such rows are serialised again with
 * every lone surrogate replaced by U+FFFD. Well-formed pairs are written as they are, so
 * the check is one scan of the line.
 */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

export function serializeRow(row: object): string {
  const line = JSON.stringify(row);
  return SURROGATE_ESCAPE.test(line) ? JSON.stringify(row, wellFormed) : line;
}

function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? (value as WellFormed).toWellFormed() : value;
}
