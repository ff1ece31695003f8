import { MAX_MESSAGE_LENGTH, MAX_STACK_LENGTH, MAX_URL_LENGTH } from '@snag/protocol/limits';
import { MAX_ERRORS_PER_PAGE } from '../constants.js';
import { stripQueriesInText, stripQuery } from '../privacy/url.js';
import type { CaptureContext } from '../types.js';
import { listen } from '../util/listen.js';

/** Uncaught errors and unhandled promise rejections, capped per page view so a loop cannot flood. */
export function captureErrors(ctx: CaptureContext): () => void {
  let count = 0;
  const report = (
    origin: 'error' | 'unhandledrejection',
    reason: unknown,
    source?: string,
    line?: number,
    column?: number,
  ) => {
    if (++count > MAX_ERRORS_PER_PAGE) return;
    const error = reason instanceof Error ? reason : undefined;
    const message = error ? `${error.name}: ${error.message}` : String(reason);
    ctx.emit({
      type: 'error',
      origin,
      message: stripQueriesInText(message).slice(0, MAX_MESSAGE_LENGTH),
      ...(error?.stack ? { stack: stripQueriesInText(error.stack).slice(0, MAX_STACK_LENGTH) } : {}),
      ...(source ? { source: stripQuery(source).slice(0, MAX_URL_LENGTH) } : {}),
      ...(line ? { line } : {}),
      ...(column ? { column } : {}),
    });
  };
  listen(window, ['error'], (event: ErrorEvent) => {
    // Resource load failures also arrive here, without a message: they are not script errors.
    if (!event.message && !event.error) return;
    report('error', event.error ?? event.message, event.filename, event.lineno, event.colno);
  });
  listen(window, ['unhandledrejection'], (event: PromiseRejectionEvent) => report('unhandledrejection', event.reason));
  return () => {
    count = 0;
  };
}
