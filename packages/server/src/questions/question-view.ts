import type { Question, QuestionStatus, QuestionType, SignalKind } from '@snag/protocol';
import { formatDateTime, parseDateTime } from '../store/datetime.js';
import type { QuestionInput } from './question-input.js';
import type { QuestionRow } from './questions-store.js';

/** A stored question as the API shows it. */
export function toQuestionView(row: QuestionRow): Question {
  return {
    id: row.id,
    project: row.project_id,
    text: row.text,
    type: row.type as QuestionType,
    options: row.options,
    other: row.other === 1,
    follow_up: row.follow_up || null,
    targeting: {
      kinds: row.kinds as SignalKind[],
      paths: row.paths,
      hotspot: row.hotspot_path ? { path: row.hotspot_path, element: row.hotspot_element } : null,
      release: row.release || null,
    },
    delay_ms: Number(row.delay_ms),
    sample_rate: Number(row.sample_rate),
    starts_at: row.starts_at ? isoOf(row.starts_at) : null,
    ends_at: row.ends_at ? isoOf(row.ends_at) : null,
    status: row.status as QuestionStatus,
    created_at: isoOf(row.created_at),
    updated_at: isoOf(row.updated_at),
  };
}

/** The fields of a stored question as a PATCH merges them before the whole is checked again. */
export function toQuestionInput(question: Question): QuestionInput {
  const { id: _id, project: _project, created_at: _created, updated_at: _updated, ...input } = question;
  return input;
}

/** A checked question's row; `updatedAt` orders its versions. */
export function toQuestionRow(
  projectId: string,
  id: string,
  input: QuestionInput,
  createdAt: number,
  updatedAt: number,
): QuestionRow {
  return {
    project_id: projectId,
    id,
    text: input.text,
    type: input.type,
    options: input.options,
    other: input.other ? 1 : 0,
    follow_up: input.follow_up ?? '',
    kinds: input.targeting.kinds,
    paths: input.targeting.paths,
    hotspot_path: input.targeting.hotspot?.path ?? '',
    hotspot_element: input.targeting.hotspot?.element ?? '',
    release: input.targeting.release ?? '',
    delay_ms: input.delay_ms,
    sample_rate: input.sample_rate,
    starts_at: input.starts_at ? formatDateTime(Date.parse(input.starts_at)) : null,
    ends_at: input.ends_at ? formatDateTime(Date.parse(input.ends_at)) : null,
    status: input.status,
    created_at: formatDateTime(createdAt),
    updated_at: formatDateTime(updatedAt),
    deleted: 0,
  };
}

/** Whether a question is being asked at `now`: active and within its dates. */
export function isLive(question: Question, now: number): boolean {
  if (question.status !== 'active') return false;
  if (question.starts_at && Date.parse(question.starts_at) > now) return false;
  if (question.ends_at && Date.parse(question.ends_at) <= now) return false;
  return true;
}

function isoOf(dateTime: string): string {
  return new Date(parseDateTime(dateTime)).toISOString();
}
