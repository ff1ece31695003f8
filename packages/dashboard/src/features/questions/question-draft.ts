import type { Question, QuestionStatus, QuestionType, SignalKind } from '@snag/protocol';

/** The editor's state: the question's fields as the form holds them (text inputs keep strings). */
export interface QuestionDraft {
  text: string;
  type: QuestionType;
  options: string[];
  other: boolean;
  followUp: string;
  kinds: SignalKind[];
  /** Path patterns, one per line. */
  paths: string;
  hotspotPath: string;
  hotspotElement: string;
  release: string;
  delaySeconds: string;
  samplePercent: string;
  /** `datetime-local` values, in the viewer's time zone; '' for none. */
  startsAt: string;
  endsAt: string;
  status: QuestionStatus;
}

/** What `POST` / `PATCH …/questions` take. */
export type QuestionBody = Omit<Question, 'id' | 'project' | 'created_at' | 'updated_at'>;

/** A new question; `prefill` targets a hotspot (from "Ask a question at this struggle"). */
export function emptyDraft(prefill: { path?: string; element?: string; kind?: string } = {}): QuestionDraft {
  return {
    text: 'What did you expect to happen?',
    type: 'choice',
    options: ['I thought it was a link', 'Nothing happened', 'It was too slow'],
    other: true,
    followUp: '',
    kinds: prefill.kind ? [prefill.kind as SignalKind] : [],
    paths: '',
    hotspotPath: prefill.element ? (prefill.path ?? '') : '',
    hotspotElement: prefill.element ?? '',
    release: '',
    delaySeconds: '0.8',
    samplePercent: '100',
    startsAt: '',
    endsAt: '',
    status: 'active',
  };
}

export function draftOf(question: Question): QuestionDraft {
  return {
    text: question.text,
    type: question.type,
    options: question.options.length > 0 ? question.options : ['', ''],
    other: question.other,
    followUp: question.follow_up ?? '',
    kinds: question.targeting.kinds,
    paths: question.targeting.paths.join('\n'),
    hotspotPath: question.targeting.hotspot?.path ?? '',
    hotspotElement: question.targeting.hotspot?.element ?? '',
    release: question.targeting.release ?? '',
    delaySeconds: String(question.delay_ms / 1_000),
    samplePercent: String(Math.round(question.sample_rate * 1_000) / 10),
    startsAt: question.starts_at ? toLocalInput(question.starts_at) : '',
    endsAt: question.ends_at ? toLocalInput(question.ends_at) : '',
    status: question.status,
  };
}

/** The body the API takes; the server checks it and names any field it refuses. */
export function bodyOf(draft: QuestionDraft): QuestionBody {
  const choice = draft.type === 'choice';
  return {
    text: draft.text.trim(),
    type: draft.type,
    options: choice ? draft.options.map((option) => option.trim()).filter(Boolean) : [],
    other: choice && draft.other,
    follow_up: draft.followUp.trim() || null,
    targeting: {
      kinds: draft.kinds,
      paths: draft.paths
        .split(/[\n,]/)
        .map((path) => path.trim())
        .filter(Boolean),
      hotspot:
        draft.hotspotPath.trim() && draft.hotspotElement.trim()
          ? { path: draft.hotspotPath.trim(), element: draft.hotspotElement.trim() }
          : null,
      release: draft.release.trim() || null,
    },
    delay_ms: Math.round(Number(draft.delaySeconds || 0) * 1_000),
    sample_rate: Number(draft.samplePercent || 0) / 100,
    starts_at: draft.startsAt ? new Date(draft.startsAt).toISOString() : null,
    ends_at: draft.endsAt ? new Date(draft.endsAt).toISOString() : null,
    status: draft.status,
  };
}

/** An ISO time as a `datetime-local` value in the viewer's zone. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
