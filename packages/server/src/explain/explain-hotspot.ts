import type { Sentence, SessionsFilter } from '@snag/protocol';
import { QUICK_BACK_WINDOW_MS } from '../analytics/constants.js';
import { EVIDENCE_MIN_COUNT, EVIDENCE_MIN_SHARE, MAX_SENTENCES } from './constants.js';
import type { HotspotEvidence } from './find-hotspot-evidence.js';
import { releaseSentence } from './release-sentence.js';
import { type ExplainedFigures, seconds, sentence, share, subjectOf } from './wording.js';

export type { ExplainedFigures } from './wording.js';

/**
 * One to three sentences about a hotspot, by fixed rules from its figures and evidence: what
 * happened and to how many (`what`), whether they gave up (`outcome`), and the strongest piece
 * of evidence for why — a release it started with, an error or a failed request that followed.
 */
export function explainHotspot(hotspot: ExplainedFigures, evidence: HotspotEvidence | undefined): Sentence[] {
  const filter: SessionsFilter = { path: hotspot.path, kind: hotspot.kind, ...elementFilter(hotspot) };
  const sentences = [whatSentence(hotspot, evidence, filter)];
  if (hotspot.abandoned_sessions > 0) {
    const who =
      hotspot.abandoned_sessions < hotspot.sessions
        ? `${hotspot.abandoned_sessions} of the ${hotspot.sessions}`
        : hotspot.sessions === 1
          ? 'That visitor'
          : `All ${hotspot.sessions}`;
    sentences.push(
      sentence('outcome', [who, filter], ' then gave up: they left within a minute or went no further than this page.'),
    );
  }
  if (evidence) sentences.push(...evidenceSentences(hotspot, evidence, filter));
  return sentences.slice(0, MAX_SENTENCES);
}

function elementFilter(hotspot: ExplainedFigures): SessionsFilter {
  return hotspot.element ? { element: hotspot.element.key } : {};
}

function whatSentence(
  hotspot: ExplainedFigures,
  evidence: HotspotEvidence | undefined,
  filter: SessionsFilter,
): Sentence {
  const who: [string, SessionsFilter] = [
    hotspot.page_sessions > 0
      ? `${hotspot.sessions} of ${hotspot.page_sessions} visitors`
      : `${hotspot.sessions} ${hotspot.sessions === 1 ? 'visitor' : 'visitors'}`,
    filter,
  ];
  const on = ` of ${hotspot.path}`;
  const subject = subjectOf(hotspot.element);
  const presses = (count: number) => `${count} ${count === 1 ? 'press' : 'presses'}`;
  const wait = evidence?.median_wait_ms ? seconds(evidence.median_wait_ms) : '';
  const disabled = disabledClause(hotspot, evidence);
  switch (hotspot.kind) {
    case 'rage_click': {
      // Presses are counted from the evidence, which covers every burst unless the hotspot is busier than its sample.
      const complete = evidence && evidence.sessions >= hotspot.sessions;
      const what =
        complete && evidence.clicks
          ? `${evidence.clicks} rapid presses`
          : `${hotspot.occurrences} bursts of rapid presses`;
      return sentence('what', `${what} on ${subject} by `, who, `${on}${disabled}.`);
    }
    case 'dead_click':
      return sentence(
        'what',
        `${presses(hotspot.occurrences)} on ${subject} by `,
        who,
        `${on} changed nothing on the page${wait ? ` within ${wait}` : ''}${disabled}.`,
      );
    case 'slow_click':
      return sentence(
        'what',
        `${presses(hotspot.occurrences)} on ${subject} by `,
        who,
        `${on} waited ${wait ? `${wait} (median)` : 'long'} for the page to answer.`,
      );
    case 'error_click':
      return sentence('what', `${presses(hotspot.occurrences)} on ${subject} by `, who, `${on} ended in an error.`);
    case 'thrashed_cursor':
      return sentence('what', '', who, `${on} shook the pointer back and forth ${hotspot.occurrences} times.`);
    case 'form_struggle':
      return sentence(
        'what',
        '',
        who,
        `${on} struggled with ${subject} ${hotspot.occurrences} times: retyping it after an error or leaving it unfinished.`,
      );
    case 'quick_back':
      return sentence(
        'what',
        '',
        who,
        `${on} went back within ${seconds(QUICK_BACK_WINDOW_MS)} without doing anything there.`,
      );
    case 'dead_end':
      return sentence('what', '', who, `${on} could not get past it: they struggled there, then left or went back.`);
    case 'excessive_scroll':
      return sentence('what', '', who, `${on} scrolled up and down there far more than usual.`);
  }
}

function disabledClause(hotspot: ExplainedFigures, evidence: HotspotEvidence | undefined): string {
  if (!evidence?.disabled || !hotspot.element) return '';
  const role = hotspot.element.role === 'button' ? 'the button' : 'it';
  return evidence.disabled >= evidence.occurrences
    ? `; ${role} was disabled in all of them`
    : `; ${role} was disabled in ${share(evidence.disabled, evidence.occurrences)} of them`;
}

/** Evidence for why, strongest first: a release it started with or got worse in, then what followed the occurrences. */
function evidenceSentences(hotspot: ExplainedFigures, evidence: HotspotEvidence, filter: SessionsFilter): Sentence[] {
  const found: Sentence[] = [];
  const release = releaseSentence(hotspot, evidence, filter);
  if (release) found.push(release);
  // Shares are of the occurrences the evidence was read from (the hotspot's latest sessions).
  const notable = (count: number) =>
    count >= EVIDENCE_MIN_COUNT && evidence.occurrences > 0 && count / evidence.occurrences >= EVIDENCE_MIN_SHARE;
  if (notable(evidence.top_error_count)) {
    found.push(
      sentence(
        'error',
        `“${evidence.top_error}” followed `,
        [share(evidence.top_error_count, evidence.occurrences), { ...filter, has_error: true }],
        ' of them.',
      ),
    );
  }
  if (notable(evidence.top_request_count)) {
    const status = evidence.top_request_status ? `status ${evidence.top_request_status}` : 'no answer';
    found.push(
      sentence(
        'request',
        `A request to ${evidence.top_request} failed (${status}) after `,
        [share(evidence.top_request_count, evidence.occurrences), filter],
        ' of them.',
      ),
    );
  }
  return found;
}
