import type { AnswerQuote, AnswersSummary } from '@snag/protocol';
import type { Store } from '../store/client.js';
import { type AnswerFilters, answerFilterParams, answerFilterSql } from './answer-filters.js';
import { ANSWER_QUOTES, roundRate } from './constants.js';
import { findSessionStarts, replayLink } from './session-starts.js';
import { READ_SETTINGS } from './sql-fragments.js';

/** A hotspot as answers name it: the triggering signal's path pattern, element key and kind. */
export interface HotspotKey {
  path: string;
  element: string;
  kind: string;
}

export const hotspotKeyOf = (key: HotspotKey): string => `${key.path}\n${key.element}\n${key.kind}`;

/** What the summaries are of: one question, or hotspots (each summary keyed by `hotspotKeyOf`). */
export type SummaryScope = { by: 'question'; questionId: string } | { by: 'hotspot'; keys: readonly HotspotKey[] };

const HOTSPOT_GROUP_SQL = "concat(path_pattern, '\\n', element_key, '\\n', signal_kind)";

interface CountRow {
  group_key: string;
  outcome: string;
  choice: string;
  answers: number;
  rated: number;
  rating_sum: number;
}

interface QuoteRow {
  group_key: string;
  text: string;
  question_id: string;
  session_id: string;
  client_ms: number;
  time_ms: number;
}

/**
 * Answers summaries in the range: shown / answered / dismissed counts and their rates,
 * counts by choice, the mean rating, and the latest ANSWER_QUOTES texts with a replay link
 * at the moment each was given. Groups with no answer event are left out.
 */
export async function findAnswerSummaries(
  store: Store,
  projectId: string,
  filters: AnswerFilters,
  scope: SummaryScope,
): Promise<Map<string, AnswersSummary>> {
  if (scope.by === 'hotspot' && scope.keys.length === 0) return new Map();
  const group = scope.by === 'question' ? 'question_id' : HOTSPOT_GROUP_SQL;
  const where = `${answerFilterSql(filters)} AND ${
    scope.by === 'question' ? 'question_id = {question:String}' : `${HOTSPOT_GROUP_SQL} IN {keys:Array(String)}`
  }`;
  const params = {
    ...answerFilterParams(projectId, filters),
    question: scope.by === 'question' ? scope.questionId : undefined,
    keys: scope.by === 'hotspot' ? scope.keys.map(hotspotKeyOf) : undefined,
    quotes: ANSWER_QUOTES,
  };
  const [counts, quotes] = await Promise.all([
    store.query<CountRow>(
      `SELECT ${group} AS group_key, outcome, choice, count() AS answers,
              countIf(rating > 0) AS rated, sum(rating) AS rating_sum
       FROM {db:Identifier}.answers FINAL WHERE ${where}
       GROUP BY group_key, outcome, choice ORDER BY answers DESC, choice`,
      params,
      READ_SETTINGS,
    ),
    store.query<QuoteRow>(
      `SELECT ${group} AS group_key, text, question_id, session_id,
              toUnixTimestamp64Milli(client_time) AS client_ms, toUnixTimestamp64Milli(time) AS time_ms
       FROM {db:Identifier}.answers FINAL WHERE ${where} AND outcome = 'answered' AND text != ''
       ORDER BY time DESC, event_id LIMIT {quotes:UInt32} BY group_key`,
      params,
      READ_SETTINGS,
    ),
  ]);
  const starts = await findSessionStarts(store, projectId, [...new Set(quotes.map((quote) => quote.session_id))]);
  const summaries = new Map<string, AnswersSummary>();
  for (const row of counts) addCount(summaryOf(summaries, row.group_key), row);
  for (const row of quotes) {
    const offset = Math.max(0, Number(row.client_ms) - (starts.get(row.session_id) ?? Number(row.client_ms)));
    summaryOf(summaries, row.group_key).quotes.push({
      text: row.text,
      question_id: row.question_id,
      session_id: row.session_id,
      time: new Date(Number(row.time_ms)).toISOString(),
      offset_ms: offset,
      replay: replayLink(projectId, row.session_id, offset),
    } satisfies AnswerQuote);
  }
  for (const summary of summaries.values()) finish(summary);
  return summaries;
}

/** A summary with nothing in it: what a question no one was asked yet shows. */
export function emptySummary(): AnswersSummary {
  return {
    shown: 0,
    answered: 0,
    dismissed: 0,
    response_rate: null,
    dismissal_rate: null,
    choices: [],
    ratings: { count: 0, mean: null },
    quotes: [],
  };
}

function summaryOf(summaries: Map<string, AnswersSummary>, key: string): AnswersSummary {
  let summary = summaries.get(key);
  if (!summary) {
    summary = emptySummary();
    summaries.set(key, summary);
  }
  return summary;
}

/** Running sums; `finish` turns the rating sum into the mean. */
const ratingSums = new WeakMap<AnswersSummary, number>();

function addCount(summary: AnswersSummary, row: CountRow): void {
  const answers = Number(row.answers);
  if (row.outcome === 'shown') summary.shown += answers;
  else if (row.outcome === 'dismissed') summary.dismissed += answers;
  else if (row.outcome === 'answered') {
    summary.answered += answers;
    if (row.choice) summary.choices.push({ choice: row.choice, count: answers });
    summary.ratings.count += Number(row.rated);
    ratingSums.set(summary, (ratingSums.get(summary) ?? 0) + Number(row.rating_sum));
  }
}

function finish(summary: AnswersSummary): void {
  // A shown event can be lost (the tab closed before it was sent): never above 100 %.
  const shown = Math.max(summary.shown, summary.answered + summary.dismissed);
  summary.response_rate = shown > 0 ? roundRate(summary.answered / shown) : null;
  summary.dismissal_rate = shown > 0 ? roundRate(summary.dismissed / shown) : null;
  const sum = ratingSums.get(summary) ?? 0;
  summary.ratings.mean = summary.ratings.count > 0 ? Math.round((sum / summary.ratings.count) * 100) / 100 : null;
  summary.choices.sort((a, b) => b.count - a.count || a.choice.localeCompare(b.choice));
}
