import type { AlertRule, Hotspot } from '@snag/protocol';
import { ALERT_REPLAY_LINKS } from './constants.js';
import type { Finding } from './finding.js';

/** Replays open this long before the struggle, as the dashboard's own links do. */
const REPLAY_LEAD_IN_MS = 2_000;

/** What an alert hands to delivery: subject, text and HTML parts, and the JSON payload for webhooks. */
export interface ComposedAlert {
  title: string;
  text: string;
  html: string;
  payload: Record<string, unknown>;
}

export function dashboardLinks(baseUrl: string, project: string, hotspot: Hotspot | undefined) {
  const root = `${baseUrl}/p/${encodeURIComponent(project)}`;
  if (!hotspot) return { dashboard: root, hotspot: undefined, replays: [] as string[] };
  const query = new URLSearchParams({ path: hotspot.path, kind: hotspot.kind });
  if (hotspot.element) query.set('element', hotspot.element.key);
  return {
    dashboard: root,
    hotspot: `${root}/hotspot?${query}`,
    replays: hotspot.examples
      .slice(0, ALERT_REPLAY_LINKS)
      .map(
        (example) =>
          `${root}/sessions/${encodeURIComponent(example.session_id)}?t=${Math.max(0, example.offset_ms - REPLAY_LEAD_IN_MS)}`,
      ),
  };
}

export function composeAlert(
  baseUrl: string,
  project: string,
  rule: Pick<AlertRule, 'id' | 'name' | 'condition'>,
  finding: Finding,
): ComposedAlert {
  const links = dashboardLinks(baseUrl, project, finding.hotspot);
  const sentences = finding.hotspot?.explanation.map((sentence) => sentence.text) ?? [];
  const text = [
    finding.reason,
    ...(sentences.length ? ['', sentences.join(' ')] : []),
    '',
    ...(links.hotspot ? [`Hotspot: ${links.hotspot}`] : [`Dashboard: ${links.dashboard}`]),
    ...links.replays.map((url, index) => `Replay ${index + 1}: ${url}`),
    '',
    `Rule: ${rule.name}`,
  ].join('\n');
  const html = `<p>${escapeHtml(finding.reason)}</p>
${sentences.length ? `<p>${sentences.map(escapeHtml).join(' ')}</p>` : ''}
<p><a href="${escapeHtml(links.hotspot ?? links.dashboard)}">${links.hotspot ? 'Open the hotspot' : 'Open the dashboard'}</a>${links.replays
    .map((url, index) => ` · <a href="${escapeHtml(url)}">Replay ${index + 1}</a>`)
    .join('')}</p>
<p style="color:#64748b">Rule: ${escapeHtml(rule.name)}</p>`;
  return {
    title: finding.title,
    text,
    html,
    payload: {
      rule: { id: rule.id, name: rule.name, kind: rule.condition.kind },
      reason: finding.reason,
      figures: finding.figures,
      hotspot: finding.hotspot
        ? {
            path: finding.hotspot.path,
            kind: finding.hotspot.kind,
            element: finding.hotspot.element,
            sessions: finding.hotspot.sessions,
            occurrences: finding.hotspot.occurrences,
            page_sessions: finding.hotspot.page_sessions,
            abandoned_sessions: finding.hotspot.abandoned_sessions,
            answers: finding.hotspot.answers,
            first_seen: finding.hotspot.first_seen,
            last_seen: finding.hotspot.last_seen,
          }
        : null,
      explanation: sentences,
      links,
    },
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
