import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Structured JSON logs on stdout, one object per line. Nothing secret is ever passed to it. */
export function createLogger(level: LogLevel = 'info'): Logger {
  return pino({ level, base: { service: 'snag' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = pino({ level: 'silent' });
