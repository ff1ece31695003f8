import type { ReleaseChange, ReleaseComparison } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { labelSchema, projectParamsSchema, rangeFields, withRange } from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { type ElementName, elementNameKey, findElementNames } from '../hotspots/find-element-names.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { type ChangeStatus, compareReleases, countReleaseSessions, type ReleaseChangeRow } from './compare-releases.js';
import { DEFAULT_COMPARE_RANGE_MS } from './constants.js';

const querySchema = z
  .strictObject({ ...rangeFields, base: labelSchema, head: labelSchema })
  .refine((query) => query.base !== query.head, { message: 'must differ from base', path: ['head'] })
  .transform(withRange(DEFAULT_COMPARE_RANGE_MS));

/**
 * `GET /projects/:project/releases/compare`: hotspots that are new, worse, better or gone in `head`
 * against `base`, and the ones without a verdict in `same` (their number in `unchanged`).
 */
export function releasesRouter(store: Store): Router {
  const router = Router();
  router.get('/projects/:project/releases/compare', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const query = validate(querySchema, req.query);
    await requireProject(store, project);
    const [rows, sessions] = await Promise.all([
      compareReleases(store, project, query),
      countReleaseSessions(store, project, query),
    ]);
    const names = await findElementNames(
      store,
      project,
      rows.filter((row) => row.element_key).map((row) => ({ ...row, examples: [[0, row.example_session]] as const })),
      query.range,
    );
    const toChangeView = changeView(names);
    const withStatus = (status: ChangeStatus) => rows.filter((row) => row.status === status);
    const same = withStatus('unchanged').map(toChangeView);
    res.json({
      project,
      from: new Date(query.range.from).toISOString(),
      to: new Date(query.range.to).toISOString(),
      base: { release: query.base, sessions: sessions.base },
      head: { release: query.head, sessions: sessions.head },
      new: withStatus('new').map(toChangeView),
      worse: withStatus('worse').map(toChangeView),
      better: withStatus('better').map(toChangeView),
      gone: withStatus('gone').map(toChangeView),
      same,
      unchanged: same.length,
    } satisfies ReleaseComparison);
  });
  return router;
}

const changeView =
  (names: Map<string, ElementName>) =>
  (row: ReleaseChangeRow): ReleaseChange => {
    const named = row.element_key ? names.get(elementNameKey(row.path_pattern, row.element_key)) : undefined;
    return {
      path: row.path_pattern,
      element: row.element_key || null,
      element_text: row.element_text || null,
      element_name: named?.name || null,
      element_role: named?.role || null,
      kind: row.kind,
      base: {
        sessions: Number(row.base_sessions),
        page_sessions: Number(row.base_page_sessions ?? 0),
        rate: row.base_rate,
      },
      head: {
        sessions: Number(row.head_sessions),
        page_sessions: Number(row.head_page_sessions ?? 0),
        rate: row.head_rate,
      },
      z: row.z,
    };
  };
