import { type ReplayKept, SESSION_SORTS, type SessionsResponse, type SessionRow as SessionView } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { DEFAULT_RANGE_MS } from '../analytics/constants.js';
import { decodeCursor, keysetPage } from '../analytics/cursor.js';
import {
  cursorSchema,
  deviceSchema,
  kindSchema,
  labelSchema,
  limitSchema,
  pathSchema,
  projectParamsSchema,
  rangeFields,
  sessionParamsSchema,
  withRange,
} from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { DEFAULT_SESSION_LIMIT, MAX_ELEMENT_PARAM_CHARS, MAX_SESSION_LIMIT } from './constants.js';
import { exportSession } from './export-session.js';
import { findReplayKept } from './find-replay-kept.js';
import { findSessions, SESSION_CURSOR_SHAPE, type SessionRow, sessionCursorKey } from './search-sessions.js';
import { loadSessionDocument } from './session-document.js';
import { streamReplay } from './stream-replay.js';

const DURATION_UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;

/** `1500`, `1500ms`, `30s` or `2m` → ms. */
const durationSchema = z
  .string()
  .regex(/^\d{1,9}(ms|s|m)?$/, 'must be a duration such as 1500, 30s or 2m')
  .transform((value) => {
    const [, amount = '0', unit = 'ms'] = /^(\d+)(ms|s|m)?$/.exec(value) ?? [];
    return Number(amount) * DURATION_UNIT_MS[unit as keyof typeof DURATION_UNIT_MS];
  });

const querySchema = z
  .strictObject({
    ...rangeFields,
    path: pathSchema.optional(),
    kind: kindSchema.optional(),
    element: z.string().min(1).max(MAX_ELEMENT_PARAM_CHARS).optional(),
    user: labelSchema.optional(),
    release: labelSchema.optional(),
    browser: labelSchema.optional(),
    device: deviceSchema.optional(),
    has_error: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    min_duration: durationSchema.optional(),
    sort: z.enum(SESSION_SORTS).default('struggle'),
    limit: limitSchema(DEFAULT_SESSION_LIMIT, MAX_SESSION_LIMIT),
    cursor: cursorSchema.optional(),
  })
  .transform(withRange(DEFAULT_RANGE_MS));

/**
 * Every `/projects/:project/sessions` URL: the search, one session (its events and signals:
 * the SDK's plus journey ones), its replay stream, and its export (everything stored about it).
 */
export function sessionsRouter(store: Store): Router {
  const router = Router();
  router.get('/projects/:project/sessions', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const query = validate(querySchema, req.query);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, SESSION_CURSOR_SHAPE);
    await requireProject(store, project);
    const rows = await findSessions(store, project, query, { sort: query.sort, limit: query.limit + 1, after });
    const { page, nextCursor } = keysetPage(rows, query.limit, sessionCursorKey);
    const kept = await findReplayKept(
      store,
      project,
      page.map((row) => row.id),
    );
    res.json({
      project,
      from: new Date(query.range.from).toISOString(),
      to: new Date(query.range.to).toISOString(),
      sort: query.sort,
      sessions: page.map((row) => toSessionView(project, row, kept.get(row.id) ?? null)),
      next_cursor: nextCursor,
    } satisfies SessionsResponse);
  });

  router.get('/projects/:project/sessions/:session/replay', async (req, res) => {
    const { project, session } = validate(sessionParamsSchema, req.params);
    await requireProject(store, project);
    await streamReplay(store, project, session, res);
  });

  router.get('/projects/:project/sessions/:session', async (req, res) => {
    const { project, session } = validate(sessionParamsSchema, req.params);
    res.json(await loadSessionDocument(store, project, session));
  });

  router.get('/projects/:project/sessions/:session/export', async (req, res) => {
    const { project, session } = validate(sessionParamsSchema, req.params);
    await exportSession(store, project, session, res);
  });
  return router;
}

function toSessionView(projectId: string, row: SessionRow, replayKept: ReplayKept): SessionView {
  return {
    id: row.id,
    start: new Date(Number(row.start)).toISOString(),
    duration_ms: Number(row.duration_ms),
    pages: Number(row.pages),
    user: row.user_id || null,
    anonymous_id: row.anonymous_id,
    device: row.device,
    browser: row.browser,
    release: row.release,
    errors: Number(row.errors),
    signals: Number(row.signals),
    signal_counts: Object.fromEntries(Object.entries(row.signal_counts).map(([kind, count]) => [kind, Number(count)])),
    entry_page: row.entry_page,
    exit_page: row.exit_page,
    replay: `/api/v1/projects/${projectId}/sessions/${encodeURIComponent(row.id)}/replay`,
    replay_kept: replayKept,
  };
}
