import type { AlertHistoryResponse } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { cursorSchema, limitSchema, projectParamsSchema } from '../../analytics/params.js';
import { requireProject } from '../../analytics/require-project.js';
import { validate } from '../../http/validate.js';
import type { Store } from '../../store/client.js';
import { HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT } from './constants.js';
import { findAlertHistory } from './find-alert-history.js';

const historyQuery = z.strictObject({
  limit: limitSchema(HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT),
  cursor: cursorSchema.optional(),
});

/** `GET …/alerts/history`: every role that reads the project. */
export function historyRouter(store: Store): Router {
  return Router().get('/projects/:project/alerts/history', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const query = validate(historyQuery, req.query);
    await requireProject(store, project);
    const { alerts, nextCursor } = await findAlertHistory(store, project, query);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ project, alerts, next_cursor: nextCursor } satisfies AlertHistoryResponse);
  });
}
