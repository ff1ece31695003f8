import { MAX_MESSAGE_LENGTH, MAX_STACK_LENGTH, MAX_URL_LENGTH } from '@snag/protocol/limits';
import { MAX_ERRORS_PER_PAGE } from '../constants.js';
import { stripQueriesInText, stripQuery } from '../privacy/url.js';
import type { CaptureContext } from '../types.js';
import { listen } from '../util/lifetime.js';

/** Told about every error, whether or not it is captured: `message` has its URLs' queries stripped. */
export type OnError = (message: string, source: string) => void;

/**
 * Uncaught errors and unhandled promise rejections: captured when `captureErrors` is
 * on (capped per page view so a loop cannot flood), and always told to `onError`.
 */
export function captureErrors(ctx: CaptureContext, onError?: OnError): void {
  const underCap = ctx.perPage(MAX_ERRORS_PER_PAGE);
  const report = (
    origin: 'error' | 'unhandledrejection',
    reason: unknown,
    source = '',
    line?: number,
    column?: number,
  ) => {
    const error = reason instanceof Error ? reason : undefined;
    const message = stripQueriesInText(error ? `${error.name}: ${error.message}` : String(reason));
    onError?.(message, source);
    if (!ctx.options.captureErrors || !underCap()) return;
    ctx.emit({
      type: 'error',
      origin,
      message: message.slice(0, MAX_MESSAGE_LENGTH),
      ...(error?.stack ? { stack: stripQueriesInText(error.stack).slice(0, MAX_STACK_LENGTH) } : {}),
      ...(source ? { source: stripQuery(source).slice(0, MAX_URL_LENGTH) } : {}),
      ...(line ? { line } : {}),
      ...(column ? { column } : {}),
    });
  };
  listen(window, 'error', (event: ErrorEvent) => {
    // Resource load failures also arrive here, without a message: they are not script errors.
    if (!event.message && !event.error) return;
    report('error', event.error ?? event.message, event.filename, event.lineno, event.colno);
  });
  listen(window, 'unhandledrejection', (event: PromiseRejectionEvent) => report('unhandledrejection', event.reason));
}
