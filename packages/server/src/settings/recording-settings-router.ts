import {
  type RecordingSettings,
  type RecordingSettingsResponse,
  recordingSettingsPatchSchema,
  recordingSettingsSchema,
} from '@snag/protocol';
import { Router } from 'express';
import { projectParamsSchema } from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { actorOf } from '../auth/actor.js';
import { validate } from '../http/validate.js';
import { saveFeedbackQuestion } from '../questions/feedback-question.js';
import type { QuestionCatalog } from '../questions/question-catalog.js';
import type { Store } from '../store/client.js';
import {
  findRecordingSettings,
  insertRecordingSettings,
  type StoredRecordingSettings,
} from './recording-settings-store.js';
import type { SettingsCatalog } from './settings-catalog.js';

/**
 * `GET` / `PUT /projects/:project/settings/recording`: how the SDK records the project's
 * sessions and whether it shows the feedback tab. Every role reads; the project guard lets only
 * admins and owners write (a non-GET under `/projects/:project`). A PUT changes the fields it
 * names; each change is kept with who made it and when.
 */
export function recordingSettingsRouter(store: Store, settings: SettingsCatalog, questions: QuestionCatalog): Router {
  const router = Router();
  router.get('/projects/:project/settings/recording', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    await requireProject(store, project);
    res.json(toResponse(project, await findRecordingSettings(store, project)));
  });
  router.put('/projects/:project/settings/recording', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const patch = validate(recordingSettingsPatchSchema, req.body);
    await requireProject(store, project);
    const current = await findRecordingSettings(store, project);
    const next: RecordingSettings = validate(recordingSettingsSchema, {
      ...withoutAudit(current),
      ...patch,
      feedback: { ...current.feedback, ...patch.feedback },
    });
    next.triggers = [...new Set(next.triggers)];
    // Strictly after the version it replaces, so two saves in one millisecond still order.
    const at = Math.max(Date.now(), (current.updated_at ?? 0) + 1);
    const actor = actorOf(res);
    if (await saveFeedbackQuestion(store, project, next.feedback, at)) questions.forget(project);
    await insertRecordingSettings(store, project, next, actor, at);
    settings.forget(project);
    res.json(toResponse(project, { ...next, updated_by: actor, updated_at: at }));
  });
  return router;
}

function withoutAudit({ updated_by: _by, updated_at: _at, ...settings }: StoredRecordingSettings): RecordingSettings {
  return settings;
}

function toResponse(project: string, settings: StoredRecordingSettings): RecordingSettingsResponse {
  return {
    project,
    ...withoutAudit(settings),
    updated_by: settings.updated_by ?? null,
    updated_at: settings.updated_at === undefined ? null : new Date(settings.updated_at).toISOString(),
  } satisfies RecordingSettingsResponse;
}
