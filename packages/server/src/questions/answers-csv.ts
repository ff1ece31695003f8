import type { Answer } from '@snag/protocol';

const COLUMNS = [
  'time',
  'outcome',
  'choice',
  'rating',
  'text',
  'path',
  'release',
  'signal_kind',
  'element',
  'session_id',
  'person',
  'replay',
] as const;

/** A question's answers as CSV (RFC 4180), one line per answer event, with a header line. */
export function renderAnswersCsv(answers: readonly Answer[]): string {
  const lines = [COLUMNS.join(',')];
  for (const answer of answers) lines.push(COLUMNS.map((column) => csvCell(answer[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Quotes every cell that needs it; a leading `=`, `+`, `-` or `@` is defused so spreadsheets do not run it. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
