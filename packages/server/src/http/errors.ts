import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../observability/logger.js';

/** An error with the HTTP status and machine-readable code the client sees. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { path?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: string;
  message: string;
  path?: string;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};

/** Every failure leaves as JSON `{ error, message, path? }`; unexpected ones as a 500 without internals. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const httpError = toHttpError(error);
    if (httpError.status >= 500 && !(error instanceof HttpError)) {
      logger.error({ err: error, request_id: res.getHeader('X-Request-Id') }, 'unhandled request error');
    }
    res.locals.errorCode = httpError.code;
    // A streamed response that fails half-way cannot become a JSON error: cut it off,
    // so the client sees a truncated body rather than a complete-looking one.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (httpError.extra.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(httpError.extra.retryAfterSeconds));
    }
    const body: ErrorBody = { error: httpError.code, message: httpError.message };
    if (httpError.extra.path !== undefined) body.path = httpError.extra.path;
    res.status(httpError.status).json(body);
  };
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  // Errors raised by Express itself (e.g. a malformed URL) carry a 4xx status.
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, 'bad_request', (error as Error).message);
  }
  return new HttpError(500, 'internal_error', 'the server failed to handle this request');
}
