import type { Answer, AnswerOutcome, SignalKind } from '@snag/protocol';
import { type AnswerFilters, answerFilterParams, answerFilterSql } from '../analytics/answer-filters.js';
import { findSessionStarts, replayLink } from '../analytics/session-starts.js';
import { READ_SETTINGS } from '../analytics/sql-fragments.js';
import type { Store } from '../store/client.js';

interface AnswerRow {
  event_id: string;
  question_id: string;
  session_id: string;
  person: string;
  client_ms: number;
  time_ms: number;
  path: string;
  path_pattern: string;
  release: string;
  outcome: string;
  choice: string;
  rating: number;
  text: string;
  signal_id: string;
  signal_kind: string;
  element_key: string;
}

/** A question's answer events in the range, newest first, each with a replay link at its moment. */
export async function findAnswers(
  store: Store,
  projectId: string,
  questionId: string,
  filters: AnswerFilters,
  limit: number,
): Promise<Answer[]> {
  const rows = await store.query<AnswerRow>(
    `SELECT event_id, question_id, session_id, if(user_id != '', user_id, anonymous_id) AS person,
            toUnixTimestamp64Milli(client_time) AS client_ms, toUnixTimestamp64Milli(time) AS time_ms,
            path, path_pattern, release, outcome, choice, rating, text, signal_id, signal_kind, element_key
     FROM {db:Identifier}.answers FINAL
     WHERE ${answerFilterSql(filters)} AND question_id = {question:String}
     ORDER BY time DESC, event_id LIMIT {limit:UInt32}`,
    { ...answerFilterParams(projectId, filters), question: questionId, limit },
    READ_SETTINGS,
  );
  const starts = await findSessionStarts(store, projectId, [...new Set(rows.map((row) => row.session_id))]);
  return rows.map((row) => {
    const offset = Math.max(0, Number(row.client_ms) - (starts.get(row.session_id) ?? Number(row.client_ms)));
    return {
      id: row.event_id,
      question_id: row.question_id,
      session_id: row.session_id,
      person: row.person,
      time: new Date(Number(row.time_ms)).toISOString(),
      path: row.path,
      path_pattern: row.path_pattern,
      release: row.release,
      outcome: row.outcome as AnswerOutcome,
      choice: row.choice || null,
      rating: Number(row.rating) || null,
      text: row.text || null,
      signal_id: row.signal_id || null,
      signal_kind: (row.signal_kind || null) as SignalKind | null,
      element: row.element_key || null,
      offset_ms: offset,
      replay: replayLink(projectId, row.session_id, offset),
    };
  });
}
