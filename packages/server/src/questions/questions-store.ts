import type { Store } from '../store/client.js';

/** One version of a question as stored in `questions` (times as ClickHouse `DateTime64` text). */
export interface QuestionRow {
  project_id: string;
  id: string;
  text: string;
  type: string;
  options: string[];
  other: number;
  follow_up: string;
  kinds: string[];
  paths: string[];
  hotspot_path: string;
  hotspot_element: string;
  release: string;
  delay_ms: number;
  sample_rate: number;
  starts_at: string | null;
  ends_at: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  deleted: number;
}

const COLUMNS = `project_id, id, text, type, options, other, follow_up, kinds, paths, hotspot_path,
  hotspot_element, release, delay_ms, sample_rate, starts_at, ends_at, status, created_at, updated_at, deleted`;

/** Writes a question's new version (a creation, an edit or a deletion: `deleted = 1`). */
export async function insertQuestion(store: Store, row: QuestionRow): Promise<void> {
  await store.insert('questions', [row]);
}

/** The project's questions that are not deleted, newest first. */
export function findQuestions(store: Store, projectId: string): Promise<QuestionRow[]> {
  return store.query<QuestionRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.questions FINAL
     WHERE project_id = {project:String} AND deleted = 0
     ORDER BY created_at DESC, id`,
    { project: projectId },
  );
}

/** One question of the project, unless deleted. */
export async function findQuestion(store: Store, projectId: string, id: string): Promise<QuestionRow | undefined> {
  const rows = await store.query<QuestionRow>(
    `SELECT ${COLUMNS} FROM {db:Identifier}.questions FINAL
     WHERE project_id = {project:String} AND id = {id:String} AND deleted = 0 LIMIT 1`,
    { project: projectId, id },
  );
  return rows[0];
}
