import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { type ClickHouseClient, ClickHouseLogLevel, type ClickHouseSettings, createClient } from '@clickhouse/client';
import { Session } from 'chdb';
import { createChdbConnection } from 'chdb/connection';
import type { StoreConfig } from '../config.js';

export type QueryParams = Record<string, unknown>;

/**
 * The one ClickHouse client of a Snag process, embedded (chDB in-process) or remote.
 * Every statement names tables as `{db:Identifier}.table`; `db` is filled in here,
 * so the same SQL runs against both kinds of store.
 */
export interface Store {
  readonly config: StoreConfig;
  readonly database: string;
  readonly cluster: string | undefined;
  readonly client: ClickHouseClient;
  query<T>(sql: string, params?: QueryParams, settings?: ClickHouseSettings): Promise<T[]>;
  command(sql: string, params?: QueryParams, settings?: ClickHouseSettings): Promise<void>;
  insert(table: string, rows: readonly object[], settings?: ClickHouseSettings): Promise<void>;
  /** Inserts rows already serialised as JSONEachRow lines (the ingest hot path). */
  insertJsonLines(table: string, body: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Settings for inserts we batch ourselves: write synchronously, never via the
 * server's async queue; JSON objects given for String columns are stored as text.
 */
const INSERT_SETTINGS: ClickHouseSettings = { async_insert: 0, input_format_json_read_objects_as_strings: 1 };

export function openStore(config: StoreConfig): Store {
  const { client, engine } =
    config.kind === 'embedded'
      ? openEmbeddedClient(config.dataDir, config.backupsDir)
      : { client: openRemoteClient(config), engine: undefined };
  const database = config.database;
  const cluster = config.kind === 'remote' ? config.cluster : undefined;
  const withDb = (params: QueryParams = {}) => ({ db: database, ...params });

  return {
    config,
    database,
    cluster,
    client,
    async query<T>(sql: string, params?: QueryParams, settings?: ClickHouseSettings) {
      const result = await client.query({
        query: sql,
        query_params: withDb(params),
        format: 'JSONEachRow',
        clickhouse_settings: settings,
      });
      return result.json<T>();
    },
    async command(sql: string, params?: QueryParams, settings?: ClickHouseSettings) {
      await client.command({ query: sql, query_params: withDb(params), clickhouse_settings: settings });
    },
    async insert(table: string, rows: readonly object[], settings?: ClickHouseSettings) {
      if (rows.length === 0) return;
      await client.insert({
        table: `${database}.${table}`,
        values: rows as object[],
        format: 'JSONEachRow',
        clickhouse_settings: { ...INSERT_SETTINGS, ...settings },
      });
    },
    async insertJsonLines(table: string, body: string) {
      // exec with a byte stream: the client passes the body through as it is,
      // instead of serialising row objects again on the event loop.
      const result = await client.exec({
        query: `INSERT INTO ${database}.${table} FORMAT JSONEachRow`,
        values: Readable.from([Buffer.from(body)]),
        clickhouse_settings: INSERT_SETTINGS,
      });
      result.stream.resume();
    },
    async ping() {
      try {
        const result = await client.ping();
        return result.success;
      } catch {
        return false;
      }
    },
    async close() {
      await client.close();
      engine?.close();
      if (config.kind === 'embedded') {
        const { drainPending } = await import('chdb');
        await drainPending();
      }
    },
  };
}

function openEmbeddedClient(
  dataDir: string,
  backupsDir: string | undefined,
): { client: ClickHouseClient; engine: Session | undefined } {
  mkdirSync(dataDir, { recursive: true });
  // Engine settings can only be given by whoever opens the data folder first; the client's
  // connection below then shares that engine. `backups.allowed_path` lets BACKUP / RESTORE
  // use File() under that folder (nothing else may be named there).
  const engine = backupsDir
    ? new Session(dataDir, { connectionArgs: [`--backups.allowed_path=${backupsDir}`] })
    : undefined;
  try {
    // chdb types its connection against @clickhouse/client-common, which the client
    // package now vendors under another path; the runtime contract is the same.
    const connection = createChdbConnection({ path: dataDir }) as unknown as NonNullable<
      Parameters<typeof createClient>[0]
    >['connection'];
    return { client: createClient({ connection }), engine };
  } catch (error) {
    engine?.close();
    throw error;
  }
}

function openRemoteClient(config: Extract<StoreConfig, { kind: 'remote' }>): ClickHouseClient {
  return createClient({
    url: config.url,
    username: config.username,
    password: config.password,
    request_timeout: 30_000,
    max_open_connections: 16,
    compression: { request: true, response: true },
    // Failures reach Snag's own log (the spool and the request log say what happened);
    // the client's logger would print a stack for every request while the store is down.
    log: { level: ClickHouseLogLevel.OFF },
  });
}
