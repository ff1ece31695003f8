import type { Hotspot } from '@snag/protocol';
import { DAY_MS } from '../../analytics/constants.js';
import type { Store } from '../../store/client.js';
import { dashboardLinks, escapeHtml } from '../evaluate/compose-alert.js';
import { explain, findRankedHotspots } from '../evaluate/explained-hotspots.js';
import { hotspotKey } from '../evaluate/finding.js';
import { hotspotHeadline } from '../evaluate/headline.js';

/** Hotspots with their sentences in a digest. */
const DIGEST_TOP = 5;
/** A hotspot is worse (better) in the digest when its sessions rose (fell) by half or more, with at least this many. */
const DIGEST_CHANGE_SHARE = 0.5;
const DIGEST_MIN_SESSIONS = 3;
/** Latest answers quoted per hotspot. */
const DIGEST_QUOTES = 2;

export interface Digest {
  title: string;
  text: string;
  html: string;
  payload: Record<string, unknown>;
}

type Ranked = Awaited<ReturnType<typeof findRankedHotspots>>[number];

/**
 * The week in one message: the top hotspots of the last 7 days with their sentences, and what is
 * new, worse, better and gone against the 7 days before.
 */
export async function buildDigest(store: Store, project: string, baseUrl: string, now: number): Promise<Digest> {
  const week = { from: now - 7 * DAY_MS, to: now };
  const [current, previous] = await Promise.all([
    findRankedHotspots(store, project, week),
    findRankedHotspots(store, project, { from: week.from - 7 * DAY_MS, to: week.from }),
  ]);
  const top = await explain(store, project, current.slice(0, DIGEST_TOP), week);
  const seen = new Set(current.map(hotspotKey));
  const changed = (sign: 1 | -1) => (hotspot: Ranked) =>
    hotspot.trend.change !== null &&
    sign * hotspot.trend.change >= DIGEST_CHANGE_SHARE &&
    Math.max(hotspot.sessions, hotspot.trend.previous_sessions) >= DIGEST_MIN_SESSIONS;
  const groups = {
    new: current.filter((hotspot) => hotspot.trend.previous_sessions === 0),
    worse: current.filter(changed(1)),
    better: current.filter(changed(-1)),
    gone: previous.filter((hotspot) => !seen.has(hotspotKey(hotspot))),
  };
  const title = `Snag weekly: ${current.length} hotspots on ${project} (${groups.new.length} new, ${groups.worse.length} worse, ${groups.better.length} better, ${groups.gone.length} gone)`;
  const line = (hotspot: Ranked | Hotspot) => `${hotspotHeadline(hotspot)} — ${hotspot.sessions} sessions`;
  const text = [
    title,
    '',
    'Top hotspots of the last 7 days:',
    ...top.flatMap((hotspot, index) => [
      `${index + 1}. ${line(hotspot)}`,
      `   ${hotspot.explanation.map((sentence) => sentence.text).join(' ')}`,
      ...saidAbout(hotspot).map((said) => `   ${said}`),
      `   ${dashboardLinks(baseUrl, project, hotspot).hotspot}`,
    ]),
    ...Object.entries(groups).flatMap(([name, list]) =>
      list.length ? ['', `${capitalise(name)} since last week:`, ...list.map((hotspot) => `- ${line(hotspot)}`)] : [],
    ),
    '',
    `Dashboard: ${baseUrl}/p/${encodeURIComponent(project)}`,
  ].join('\n');
  const html = `<h2>${escapeHtml(title)}</h2>
<h3>Top hotspots of the last 7 days</h3>
<ol>${top
    .map(
      (hotspot) =>
        `<li><a href="${escapeHtml(dashboardLinks(baseUrl, project, hotspot).hotspot ?? '')}"><strong>${escapeHtml(line(hotspot))}</strong></a><br>${escapeHtml(hotspot.explanation.map((sentence) => sentence.text).join(' '))}${saidAbout(
          hotspot,
        )
          .map((said) => `<br><em>${escapeHtml(said)}</em>`)
          .join('')}</li>`,
    )
    .join('')}</ol>
${Object.entries(groups)
  .filter(([, list]) => list.length)
  .map(
    ([name, list]) =>
      `<h3>${capitalise(name)} since last week</h3><ul>${list.map((hotspot) => `<li>${escapeHtml(line(hotspot))}</li>`).join('')}</ul>`,
  )
  .join('\n')}
<p><a href="${escapeHtml(`${baseUrl}/p/${encodeURIComponent(project)}`)}">Open the dashboard</a></p>`;
  const brief = (hotspot: Ranked | Hotspot) => ({
    path: hotspot.path,
    kind: hotspot.kind,
    element: hotspot.element,
    sessions: hotspot.sessions,
  });
  return {
    title,
    text,
    html,
    payload: {
      from: new Date(week.from).toISOString(),
      to: new Date(week.to).toISOString(),
      top: top.map((hotspot) => ({
        ...brief(hotspot),
        explanation: hotspot.explanation.map((sentence) => sentence.text),
      })),
      new: groups.new.map(brief),
      worse: groups.worse.map(brief),
      better: groups.better.map(brief),
      gone: groups.gone.map(brief),
    },
  };
}

/** "What people said": how many answered the question asked there, the commonest choice, the latest quotes. */
function saidAbout(hotspot: Hotspot): string[] {
  const answers = hotspot.answers;
  if (!answers || answers.answered === 0) return [];
  const top = [...answers.choices].sort((a, b) => b.count - a.count)[0];
  const said = [
    `What people said: ${answers.answered} of ${answers.shown} asked answered${top ? `; most chose “${top.choice}” (${top.count})` : ''}.`,
  ];
  for (const quote of answers.quotes.slice(0, DIGEST_QUOTES)) said.push(`“${quote.text}”`);
  return said;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
