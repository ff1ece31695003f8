import type { Question } from '@snag/protocol';
import type { Store } from '../store/client.js';
import { QUESTION_CACHE_TTL_MS } from './constants.js';
import { toQuestionView } from './question-view.js';
import { findQuestions } from './questions-store.js';

interface Entry {
  at: number;
  questions: Promise<ReadonlyMap<string, Question>>;
}

/**
 * A project's questions by id, read from the store at most once per QUESTION_CACHE_TTL_MS:
 * ingest checks every answer against them and the SDK's public read lists the live ones.
 * Edits through this server's API forget the project at once; other servers catch up
 * within the TTL.
 */
export class QuestionCatalog {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = QUESTION_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  questionsOf(projectId: string): Promise<ReadonlyMap<string, Question>> {
    const entry = this.entries.get(projectId);
    if (entry && this.now() - entry.at < this.ttlMs) return entry.questions;
    const questions = findQuestions(this.store, projectId).then(
      (rows) => new Map(rows.map((row) => [row.id, toQuestionView(row)])),
    );
    // A failed read is not kept: the next call asks the store again.
    questions.catch(() => this.entries.delete(projectId));
    this.entries.set(projectId, { at: this.now(), questions });
    return questions;
  }

  forget(projectId: string): void {
    this.entries.delete(projectId);
  }
}
