import type { FrictionReport } from '@snag/protocol';
import { elementTitle } from './element-title.js';

const pct = (share: number | null) => (share === null ? 'n/a' : `${(share * 100).toFixed(1)} %`);
/** "Postal code (text field) · key" when the element has a name, else "text (key)"; the page for page-level kinds. */
const where = ({ element }: FrictionReport['hotspots'][number]) => {
  if (!element) return '(the page)';
  const title = elementTitle(element);
  return title ? `${title} · ${element.key}` : `${element.text || element.key} (${element.key})`;
};

/** The report as Markdown, for pasting into a ticket or a chat. */
export function renderMarkdown(report: FrictionReport): string {
  const lines = [
    `# Friction report: ${report.project}`,
    '',
    `${report.from} – ${report.to} (${report.tz})`,
    '',
    `${report.totals.sessions} sessions, ${report.totals.struggling_sessions} with struggle (${pct(report.totals.struggle_share)}), ${report.totals.signals} signals.`,
    '',
    '## Top hotspots',
    '',
    'Impact = affected sessions + abandoned sessions: an affected session counts once, twice if the user then left.',
    '',
    '| # | Page | Element | Kind | Impact | Sessions | Affected share | Abandonment | vs previous period | Replay |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const hotspot of report.hotspots) {
    const change =
      hotspot.trend.change === null ? 'new' : `${hotspot.trend.change >= 0 ? '+' : ''}${pct(hotspot.trend.change)}`;
    const example = hotspot.examples[0];
    lines.push(
      `| ${hotspot.rank} | ${cell(hotspot.path)} | ${cell(where(hotspot))} | ${hotspot.kind} | ${hotspot.impact} | ${hotspot.sessions} | ${pct(hotspot.affected_share)} | ${pct(hotspot.abandonment)} | ${change} | ${example ? `[replay](${example.replay})` : ''} |`,
    );
  }
  const explained = report.hotspots.filter((hotspot) => hotspot.explanation.length > 0);
  if (explained.length > 0) lines.push('', '## In plain words', '');
  for (const hotspot of explained) {
    lines.push(`${hotspot.rank}. **${where(hotspot)}** on ${hotspot.path}: ${explanationText(hotspot)}`);
  }
  lines.push('', '## Daily trend', '', '| Day | Sessions | With struggle | Share |', '|---|---|---|---|');
  for (const day of report.trend) {
    lines.push(`| ${day.day} | ${day.sessions} | ${day.struggling_sessions} | ${pct(day.struggle_share)} |`);
  }
  return `${lines.join('\n')}\n`;
}

const CSV_COLUMNS = [
  'rank',
  'path',
  'element',
  'element_text',
  'kind',
  'impact',
  'sessions',
  'occurrences',
  'users',
  'affected_share',
  'abandonment',
  'previous_sessions',
  'change',
  'first_seen',
  'last_seen',
  'replay',
  'element_title',
  'explanation',
] as const;

/** The hotspots as CSV (one row each), for spreadsheets. */
export function renderCsv(report: FrictionReport): string {
  const rows = report.hotspots.map((hotspot) => [
    hotspot.rank,
    hotspot.path,
    hotspot.element?.key ?? '',
    hotspot.element?.text ?? '',
    hotspot.kind,
    hotspot.impact,
    hotspot.sessions,
    hotspot.occurrences,
    hotspot.users,
    hotspot.affected_share ?? '',
    hotspot.abandonment,
    hotspot.trend.previous_sessions,
    hotspot.trend.change ?? '',
    hotspot.first_seen,
    hotspot.last_seen,
    hotspot.examples[0]?.replay ?? '',
    hotspot.element ? elementTitle(hotspot.element) : '',
    explanationText(hotspot),
  ]);
  return `${[CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The hotspot's sentences as one paragraph. */
function explanationText(hotspot: FrictionReport['hotspots'][number]): string {
  return hotspot.explanation.map((sentence) => sentence.text).join(' ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function csvField(value: string | number): string {
  let text = String(value);
  // Text that a spreadsheet would run as a formula is neutralised.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
