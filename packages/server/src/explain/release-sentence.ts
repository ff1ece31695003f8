import type { Sentence, SessionsFilter } from '@snag/protocol';
import { RELEASE_MIN_PAGE_SESSIONS, RELEASE_WORSE_FACTOR } from './constants.js';
import type { HotspotEvidence } from './find-hotspot-evidence.js';
import { type ExplainedFigures, sentence, share } from './wording.js';

/**
 * "It started with release 1.5.0 (none in 1.4.2)." when the latest release with enough visitors
 * of the page is the first with the hotspot and the one before it had enough visitors and none;
 * "It got worse with release 1.5.0: …" when its affected share at least doubled. Releases are
 * ordered by when their first session of the range viewed the page; unnamed ones are skipped.
 */
export function releaseSentence(
  hotspot: ExplainedFigures,
  evidence: HotspotEvidence,
  filter: SessionsFilter,
): Sentence | undefined {
  const pages = evidence.page_releases
    .filter(([release, sessions]) => release !== '' && Number(sessions) >= RELEASE_MIN_PAGE_SESSIONS)
    .sort((a, b) => Number(a[2]) - Number(b[2]));
  if (pages.length < 2) return undefined;
  const affected = new Map(evidence.releases.map(([release, sessions]) => [release, Number(sessions)]));
  const [latest, latestVisits] = pages[pages.length - 1] as [string, number, number];
  const [previous, previousVisits] = pages[pages.length - 2] as [string, number, number];
  const now = affected.get(latest) ?? 0;
  const before = affected.get(previous) ?? 0;
  if (now === 0) return undefined;
  const earlier = pages.slice(0, -1).some(([release]) => (affected.get(release) ?? 0) > 0);
  if (!earlier) {
    return sentence(
      'release',
      'It started with release ',
      [latest, { ...filter, release: latest }],
      ` (none in ${previous}, `,
      [`${previousVisits} visitors`, { path: hotspot.path, release: previous }],
      ' of the page).',
    );
  }
  const rateNow = now / Number(latestVisits);
  const rateBefore = before / Number(previousVisits);
  if (rateBefore > 0 && rateNow >= rateBefore * RELEASE_WORSE_FACTOR) {
    return sentence(
      'release',
      'It got worse with release ',
      [latest, { ...filter, release: latest }],
      ': ',
      [share(now, Number(latestVisits)), { ...filter, release: latest }],
      ` of its visitors of ${hotspot.path}, against `,
      [share(before, Number(previousVisits)), { ...filter, release: previous }],
      ` in ${previous}.`,
    );
  }
  return undefined;
}
