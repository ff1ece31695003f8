import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_ALERT_INTERVAL_MS } from './alerts/evaluate/constants.js';
import {
  DEFAULT_ASSETS_MAX_MB_PER_PROJECT,
  DEFAULT_HOST,
  DEFAULT_IP_REQUESTS_PER_S,
  DEFAULT_KEY_EVENTS_PER_S,
  DEFAULT_MIN_FREE_DISK_MB,
  DEFAULT_SPOOL_MAX_MB,
} from './constants.js';
import { AllowListError, createAllowList, type OutboundAllowList } from './net/allow-list.js';
import { LOG_LEVELS, type LogLevel } from './observability/logger.js';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4318),
  HOST: z.string().min(1).default(DEFAULT_HOST),
  SNAG_DATA_DIR: z.string().min(1).default('.snag-data'),
  SNAG_PUBLIC_URL: optionalString.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'must be the http:// or https:// address people open, e.g. https://snag.example.com',
      })
      .optional(),
  ),
  CLICKHOUSE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  CLICKHOUSE_USER: optionalString,
  CLICKHOUSE_PASSWORD: optionalString,
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)')
    .default('snag'),
  CLICKHOUSE_CLUSTER: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'must be a cluster name from remote_servers')
      .optional(),
  ),
  SNAG_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(90),
  SNAG_RATE_LIMIT_KEY_EVENTS_PER_S: z.coerce.number().min(0).default(DEFAULT_KEY_EVENTS_PER_S),
  SNAG_RATE_LIMIT_IP_REQUESTS_PER_S: z.coerce.number().min(0).default(DEFAULT_IP_REQUESTS_PER_S),
  SNAG_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SNAG_SCRUB: z.enum(['on', 'off']).default('on'),
  SNAG_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  SNAG_SPOOL_MAX_MB: z.coerce.number().int().min(1).default(DEFAULT_SPOOL_MAX_MB),
  SNAG_MIN_FREE_DISK_MB: z.coerce.number().int().min(0).default(DEFAULT_MIN_FREE_DISK_MB),
  SNAG_ALERTS_INTERVAL_S: z.coerce
    .number()
    .int()
    .min(10)
    .max(86_400)
    .default(DEFAULT_ALERT_INTERVAL_MS / 1_000),
  SNAG_ADMIN_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  SNAG_SMTP_URL: optionalString.pipe(
    z
      .url({
        protocol: /^smtps?$/,
        error: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587',
      })
      .optional(),
  ),
  SNAG_SMTP_FROM: optionalString.pipe(
    z
      .string()
      .regex(
        /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
        'must be an address such as alerts@example.com or "Snag <alerts@example.com>"',
      )
      .optional(),
  ),
  SNAG_DEFAULT_PROJECT_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "_" or "-"')
      .optional(),
  ),
  SNAG_ASSETS_MAX_MB_PER_PROJECT: z.coerce.number().int().min(0).default(DEFAULT_ASSETS_MAX_MB_PER_PROJECT),
  SNAG_OUTBOUND_ALLOW: z
    .string()
    .default('')
    .transform((value, ctx) => {
      try {
        return createAllowList(value.split(','));
      } catch (error) {
        if (!(error instanceof AllowListError)) throw error;
        ctx.addIssue({ code: 'custom', message: `${error.message} (comma-separated hosts or CIDRs)` });
        return z.NEVER;
      }
    }),
});

export type StoreConfig =
  | {
      kind: 'embedded';
      dataDir: string;
      database: string;
      retentionDays: number;
      /** Where `BACKUP … TO File()` may write and `RESTORE` may read (ClickHouse's `backups.allowed_path`). */
      backupsDir?: string;
    }
  | {
      kind: 'remote';
      url: string;
      username?: string;
      password?: string;
      database: string;
      cluster?: string;
      retentionDays: number;
    };

export interface Config {
  port: number;
  host: string;
  store: StoreConfig;
  /** Ingest limits; 0 turns one off. */
  rateLimits: RateLimits;
  logLevel: LogLevel;
  /** Scrub emails, card numbers and secrets from stored events (on by default). */
  scrub: boolean;
  /** Proxy hops in front of the server whose X-Forwarded-For is trusted for the client address. */
  trustProxy: number;
  /**
   * The address people open (`SNAG_PUBLIC_URL`), without a trailing slash. When it is
   * `https://…` (a TLS proxy in front), session cookies are always `Secure` and responses carry HSTS.
   */
  publicUrl?: string;
  /** Where batches wait, fsynced, while ClickHouse is unreachable; where rows it refuses are set apart. */
  spool: { dir: string; maxBytes: number; deadLetterDir: string };
  /** The data folder and the free space below which replay chunks are refused (0: not watched). */
  disk: { dir: string; minFreeBytes: number };
  adminToken?: string;
  defaultProjectKey?: string;
  /** The SMTP server alert emails go through (`SNAG_SMTP_URL`, `SNAG_SMTP_FROM`); without it, no email channels. */
  smtp?: SmtpConfig;
  /** How often alert rules and digests are evaluated (`SNAG_ALERTS_INTERVAL_S`). */
  alertsIntervalMs: number;
  /** Outbound requests (assets of recorded pages, webhooks): private destinations allowed anyway. */
  outbound: { allow: OutboundAllowList };
  /** Stylesheets, fonts and images kept with replays: each project's cap in bytes (0: none are kept). */
  assets: { maxProjectBytes: number };
}

export interface SmtpConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
  url: string;
  /** The `From` of alert emails. */
  from: string;
}

export interface RateLimits {
  keyEventsPerSecond: number;
  ipRequestsPerSecond: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once at start; every other module receives a `Config`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.CLICKHOUSE_CLUSTER && !e.CLICKHOUSE_URL) {
    throw new ConfigError('Invalid configuration:\n  CLICKHOUSE_CLUSTER: needs CLICKHOUSE_URL (a cluster is remote)');
  }
  if (Boolean(e.SNAG_SMTP_URL) !== Boolean(e.SNAG_SMTP_FROM)) {
    throw new ConfigError(
      'Invalid configuration:\n  SNAG_SMTP_URL, SNAG_SMTP_FROM: email needs both the SMTP server and the From address',
    );
  }
  const dataDir = path.resolve(e.SNAG_DATA_DIR);
  const store: StoreConfig = e.CLICKHOUSE_URL
    ? {
        kind: 'remote',
        url: e.CLICKHOUSE_URL,
        username: e.CLICKHOUSE_USER,
        password: e.CLICKHOUSE_PASSWORD,
        database: e.CLICKHOUSE_DATABASE,
        cluster: e.CLICKHOUSE_CLUSTER,
        retentionDays: e.SNAG_RETENTION_DAYS,
      }
    : {
        kind: 'embedded',
        dataDir: path.join(dataDir, 'clickhouse'),
        database: e.CLICKHOUSE_DATABASE,
        retentionDays: e.SNAG_RETENTION_DAYS,
        backupsDir: path.join(dataDir, 'backups'),
      };
  return {
    port: e.PORT,
    host: e.HOST,
    store,
    rateLimits: {
      keyEventsPerSecond: e.SNAG_RATE_LIMIT_KEY_EVENTS_PER_S,
      ipRequestsPerSecond: e.SNAG_RATE_LIMIT_IP_REQUESTS_PER_S,
    },
    logLevel: e.SNAG_LOG_LEVEL,
    scrub: e.SNAG_SCRUB === 'on',
    trustProxy: e.SNAG_TRUST_PROXY,
    publicUrl: e.SNAG_PUBLIC_URL?.replace(/\/+$/, ''),
    spool: {
      dir: path.join(dataDir, 'spool'),
      maxBytes: e.SNAG_SPOOL_MAX_MB * 1024 * 1024,
      deadLetterDir: path.join(dataDir, 'dead-letters'),
    },
    disk: { dir: dataDir, minFreeBytes: e.SNAG_MIN_FREE_DISK_MB * 1024 * 1024 },
    adminToken: e.SNAG_ADMIN_TOKEN,
    defaultProjectKey: e.SNAG_DEFAULT_PROJECT_KEY,
    smtp: e.SNAG_SMTP_URL && e.SNAG_SMTP_FROM ? { url: e.SNAG_SMTP_URL, from: e.SNAG_SMTP_FROM } : undefined,
    alertsIntervalMs: e.SNAG_ALERTS_INTERVAL_S * 1_000,
    outbound: { allow: e.SNAG_OUTBOUND_ALLOW },
    assets: { maxProjectBytes: e.SNAG_ASSETS_MAX_MB_PER_PROJECT * 1024 * 1024 },
  };
}
