import type { FeedbackTab } from '@snag/protocol';
import type { Store } from '../store/client.js';
import { formatDateTime, parseDateTime } from '../store/datetime.js';
import { findQuestion, insertQuestion } from './questions-store.js';

/**
 * The feedback tab's question (issue 15): one built-in free-text question per project, kept in
 * `questions` under this id so its answers are checked, stored, summed per hotspot, listed on
 * the results screen, exported and erased like every other answer. The recording settings own
 * it: saving them writes its text and status (active while the tab is on); the questions API
 * reads it but does not edit or delete it. The struggle questions the SDK picks from never include it.
 */
export const FEEDBACK_QUESTION_ID = 'q_feedback';

/** Writes the feedback question as the settings have it, unless it is already so. */
export async function saveFeedbackQuestion(store: Store, projectId: string, tab: FeedbackTab, at: number) {
  const current = await findQuestion(store, projectId, FEEDBACK_QUESTION_ID);
  const status = tab.enabled ? 'active' : 'paused';
  if (current && current.text === tab.question && current.status === status) return false;
  const version = current ? Math.max(at, parseDateTime(current.updated_at) + 1) : at;
  await insertQuestion(store, {
    project_id: projectId,
    id: FEEDBACK_QUESTION_ID,
    text: tab.question,
    type: 'text',
    options: [],
    other: 0,
    follow_up: '',
    kinds: [],
    paths: [],
    hotspot_path: '',
    hotspot_element: '',
    release: '',
    delay_ms: 0,
    sample_rate: 1,
    starts_at: null,
    ends_at: null,
    status,
    created_at: current?.created_at ?? formatDateTime(at),
    updated_at: formatDateTime(version),
    deleted: 0,
  });
  return true;
}
