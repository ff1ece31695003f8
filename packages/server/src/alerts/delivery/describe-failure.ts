import { DELIVERY_ERROR_MAX_CHARS } from './constants.js';

export class AttemptTimeoutError extends Error {
  override name = 'AttemptTimeoutError';
}

/** `work`, or an AttemptTimeoutError once `timeoutMs` has passed (the work itself is left to end on its own). */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AttemptTimeoutError('timeout')), timeoutMs);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A failed attempt as the history shows it: one short line, the underlying cause when there is one. */
export function describeFailure(failure: unknown, timeoutMs: number): string {
  const text = messageOf(failure, timeoutMs);
  return text.length > DELIVERY_ERROR_MAX_CHARS ? `${text.slice(0, DELIVERY_ERROR_MAX_CHARS - 1)}…` : text;
}

function messageOf(failure: unknown, timeoutMs: number): string {
  if (!(failure instanceof Error)) return String(failure);
  const timedOut =
    failure instanceof AttemptTimeoutError ||
    failure.name === 'TimeoutError' ||
    (failure as { code?: unknown }).code === 'ETIMEDOUT';
  if (timedOut) return `no answer within ${timeoutMs / 1000} s`;
  // fetch reports "fetch failed" and puts the reason (ECONNREFUSED, a DNS error…) in `cause`.
  const cause = (failure as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
  }
  return failure.message;
}
