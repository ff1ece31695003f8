import { type Batch, batchSchema } from '@snag/protocol';
import { type Request, Router } from 'express';
import type { AssetKeeper } from '../assets/asset-keeper.js';
import type { RateLimits } from '../config.js';
import {
  DISK_LOW_RETRY_AFTER_S,
  OVERLOAD_RETRY_AFTER_S,
  RATE_LIMIT_BURST_SECONDS,
  SPOOL_FULL_RETRY_AFTER_S,
  STORE_DOWN_RETRY_AFTER_S,
} from '../constants.js';
import { ingestCors } from '../http/cors.js';
import { HttpError } from '../http/errors.js';
import { validate } from '../http/validate.js';
import { type Logger, silentLogger } from '../observability/logger.js';
import type { ErasedSessions } from '../privacy/erased-sessions.js';
import type { KeyResolver } from '../projects/key-resolver.js';
import { checkAnswers } from '../questions/check-answers.js';
import type { QuestionCatalog } from '../questions/question-catalog.js';
import type { DiskGuard } from '../store/disk-guard.js';
import { SpoolFullError } from '../store/spool.js';
import { type BatchingWriter, RowsRejectedError, WriterClosedError, WriterOverloadedError } from '../store/writer.js';
import { enrichBatch } from './enrich.js';
import { checkJsonDepth } from './json-depth.js';
import { type LimitDecision, RateLimiter } from './rate-limiter.js';
import { type BodyLimits, checkContentType, DEFAULT_BODY_LIMITS, readBody } from './read-body.js';

export interface IngestDeps {
  keys: KeyResolver;
  writer: BatchingWriter;
  bodyLimits?: BodyLimits;
  rateLimits?: RateLimits;
  scrub?: boolean;
  /** SNAG_RETENTION_DAYS: how old an accepted event may be. */
  retentionDays: number;
  /** Free space of the data folder: replay chunks are refused first when it runs low. */
  disk?: DiskGuard;
  /** Sessions erased at a person's request: their late rows are dropped. */
  erased?: ErasedSessions;
  /** The projects' questions, which every `answer` event is checked against. */
  questions: QuestionCatalog;
  logger?: Logger;
  /** Keeps the stylesheets, fonts and images recordings use; handed each stored batch's recording. */
  assets?: AssetKeeper;
}

/**
 * `POST /v1/ingest`: one batch per request, all or nothing. Answers 202 only once
 * every row of the batch is in ClickHouse.
 */
export function ingestRouter({
  keys,
  writer,
  bodyLimits = DEFAULT_BODY_LIMITS,
  rateLimits,
  scrub = true,
  retentionDays,
  disk,
  erased,
  questions,
  logger = silentLogger,
  assets,
}: IngestDeps): Router {
  const perKey = new RateLimiter(
    rateLimits?.keyEventsPerSecond ?? 0,
    (rateLimits?.keyEventsPerSecond ?? 0) * RATE_LIMIT_BURST_SECONDS,
  );
  const perAddress = new RateLimiter(
    rateLimits?.ipRequestsPerSecond ?? 0,
    (rateLimits?.ipRequestsPerSecond ?? 0) * RATE_LIMIT_BURST_SECONDS,
  );
  const router = Router();
  router.use('/v1/ingest', ingestCors);
  router.post('/v1/ingest', async (req, res) => {
    // The address is used for this in-memory limit only; it is never stored.
    enforce(perAddress.take(req.ip ?? 'unknown'), 'too many requests from this address');
    const projectId = await resolveProject(req, keys);
    const diskLevel = disk?.state().level ?? 'ok';
    if (diskLevel === 'critical') throw diskFull('the server is out of disk space; retry later');
    checkContentType(req);
    const body = await readBody(req, bodyLimits);
    checkJsonDepth(body, '');
    const batch = validate(batchSchema, parseJson(body), 'invalid_batch') as Batch;
    enforce(perKey.take(projectId, batch.events.length), 'this project is sending events faster than its limit');
    if (erased?.has(projectId, batch.session.id)) {
      // Acknowledged so the browser lets go of it, and never stored.
      res.locals.errorCode = 'session_erased';
      res.status(202).json({ accepted: 0, dropped: batch.events.length, reason: 'session_erased' });
      return;
    }
    await checkAnswers(batch, projectId, questions, Date.now()).catch((error: unknown) => {
      throw error instanceof HttpError ? error : storeDown();
    });
    const rows = await enrichBatch(batch, {
      projectId,
      receivedAt: Date.now(),
      userAgent: req.headers['user-agent'],
      scrub,
      retentionDays,
    });
    const deferReplay = diskLevel === 'low' && rows.replay_chunks.length > 0;
    try {
      // Low on disk: the events land now and the recording waits; the client resends the whole
      // batch later and its events collapse on their ids.
      await writer.write(
        deferReplay
          ? { events: rows.events, answers: rows.answers }
          : { events: rows.events, replay_chunks: rows.replay_chunks, answers: rows.answers },
      );
    } catch (error) {
      throw toUnavailable(error, logger);
    }
    if (deferReplay) {
      throw diskFull(
        `free disk space is low: this batch's ${rows.events.length} events were stored and its replay chunks refused; resend it later`,
        'replay_deferred',
      );
    }
    // Fetching is for later: this only queues the recording and never holds up the answer.
    const firstChunk = rows.replay_chunks[0];
    if (assets && firstChunk) assets.discover(projectId, batch.session.id, firstChunk.time, rows.recordings ?? []);
    res.locals.acceptedEvents = batch.events.length;
    res.status(202).json({ accepted: batch.events.length });
  });
  return router;
}

export async function resolveProject(req: Request, keys: KeyResolver): Promise<string> {
  const header = req.headers['x-snag-key'];
  const query = req.query.key;
  const key = (typeof header === 'string' ? header : undefined) ?? (typeof query === 'string' ? query : undefined);
  if (!key) {
    throw new HttpError(401, 'missing_key', 'send the project key in the X-Snag-Key header or the ?key= parameter');
  }
  if (key.length > 128) throw new HttpError(401, 'unknown_key', 'unknown project key');
  let projectId: string | undefined;
  try {
    projectId = await keys.resolve(key);
  } catch {
    throw storeDown();
  }
  if (!projectId) throw new HttpError(401, 'unknown_key', 'unknown project key');
  return projectId;
}

function storeDown(): HttpError {
  return new HttpError(503, 'store_unavailable', 'the event store is unavailable; retry later', {
    retryAfterSeconds: STORE_DOWN_RETRY_AFTER_S,
  });
}

function enforce(decision: LimitDecision, message: string): void {
  if (decision.allowed) return;
  throw new HttpError(429, 'rate_limited', `${message}; retry after ${decision.retryAfterSeconds} s`, {
    retryAfterSeconds: decision.retryAfterSeconds,
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, 'invalid_json', `body is not valid JSON: ${(error as Error).message}`);
  }
}

function diskFull(message: string, code = 'disk_full'): HttpError {
  return new HttpError(503, code, message, { retryAfterSeconds: DISK_LOW_RETRY_AFTER_S });
}

function toUnavailable(error: unknown, logger: Logger): HttpError {
  if (error instanceof RowsRejectedError) {
    return new HttpError(
      422,
      'rejected_by_store',
      `the event store refused this batch: ${error.details.message}`.slice(0, 400),
    );
  }
  if (error instanceof WriterOverloadedError) {
    return new HttpError(503, 'overloaded', 'the server is busy; retry later', {
      retryAfterSeconds: OVERLOAD_RETRY_AFTER_S,
    });
  }
  if (error instanceof SpoolFullError) {
    return new HttpError(503, 'spool_full', 'the event store is unavailable and the spool is full; retry later', {
      retryAfterSeconds: SPOOL_FULL_RETRY_AFTER_S,
    });
  }
  if (error instanceof WriterClosedError) {
    return new HttpError(503, 'shutting_down', 'the server is shutting down; retry later', {
      retryAfterSeconds: OVERLOAD_RETRY_AFTER_S,
    });
  }
  logger.error({ err: error }, 'store write failed');
  return new HttpError(503, 'store_unavailable', 'the event store is unavailable; retry later', {
    retryAfterSeconds: STORE_DOWN_RETRY_AFTER_S,
  });
}
