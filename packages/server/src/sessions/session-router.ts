import { Router } from 'express';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { loadSessionDocument, sessionParamsSchema } from './session-document.js';

/** `GET /projects/:project/sessions/:session`: the session, its events and its signals in time order. */
export function sessionRouter(store: Store): Router {
  const router = Router();
  router.get('/projects/:project/sessions/:session', async (req, res) => {
    const { project, session } = validate(sessionParamsSchema, req.params);
    res.json(await loadSessionDocument(store, project, session));
  });
  return router;
}
