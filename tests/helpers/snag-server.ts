import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type RunningServer, startServer } from '@snag/server';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const PROJECT_KEY = 'pk_test_key_123';

/** The real Snag server on embedded ClickHouse, in a fresh data directory unless one is given. */
export async function startSnag(
  options: { dataDir?: string; port?: number; logLevel?: 'info' | 'warn'; env?: Record<string, string> } = {},
): Promise<RunningServer & { dataDir: string }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'snag-e2e-'));
  const server = await startServer(
    loadConfig({
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      SNAG_DATA_DIR: dataDir,
      SNAG_ADMIN_TOKEN: ADMIN_TOKEN,
      SNAG_DEFAULT_PROJECT_KEY: PROJECT_KEY,
      SNAG_LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    }),
  );
  return Object.assign(server, { dataDir });
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface StoredEvent {
  id: string;
  type: string;
  url: string;
  page_id: string;
  [field: string]: unknown;
}

/** What the session API returns for a session: its events in time order (404 → no events). */
export async function storedEvents(serverUrl: string, sessionId: string): Promise<StoredEvent[]> {
  const res = await fetch(`${serverUrl}/api/v1/projects/default/sessions/${sessionId}`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`session API answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { events: StoredEvent[] }).events;
}

/** Every row of a table as JSON text, to search for what must never be stored. */
export async function dumpTable(server: RunningServer, table: 'events' | 'replay_chunks'): Promise<string> {
  const rows = await server.store.query(`SELECT * FROM {db:Identifier}.${table}`, {});
  return JSON.stringify(rows);
}

export interface ReplayChunkRow {
  session_id: string;
  page_id: string;
  seq: number;
  full_snapshot: number;
  data: string;
}

export async function replayChunks(server: RunningServer, sessionId: string): Promise<ReplayChunkRow[]> {
  return (await server.store.query(
    `SELECT session_id, page_id, seq, full_snapshot, data FROM {db:Identifier}.replay_chunks FINAL
     WHERE session_id = {session:String} ORDER BY client_time, seq`,
    { session: sessionId },
  )) as ReplayChunkRow[];
}

export interface StoredSignal {
  kind: string;
  t: number;
  [field: string]: unknown;
}

/** The session's signals as the session API lists them, SDK and journey ones (404 → none). */
export async function sessionSignals(serverUrl: string, sessionId: string): Promise<StoredSignal[]> {
  const res = await fetch(`${serverUrl}/api/v1/projects/default/sessions/${sessionId}`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`session API answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { signals: StoredSignal[] }).signals;
}
