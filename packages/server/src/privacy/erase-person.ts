import type { Store } from '../store/client.js';
import type { Spool } from '../store/spool.js';
import type { BatchingWriter } from '../store/writer.js';
import { deleteSessions, findPersonSessions } from './delete-sessions.js';
import type { ErasedSessions } from './erased-sessions.js';

export interface ErasureDeps {
  store: Store;
  /** Rows accepted but not yet written are flushed first, so none escapes. */
  writer?: BatchingWriter;
  /** Rows waiting in the spool or set apart as dead letters are erased there too. */
  spool?: Spool;
  /** Remembers the sessions, so their late rows are dropped at ingest. */
  erased?: ErasedSessions;
}

export interface ErasureResult {
  sessions: number;
}

type Row = Record<string, unknown>;

/**
 * Erases every session in which a person appears, by user id or anonymous id: in
 * ClickHouse, in the spool, among the dead letters, and for rows still on their way.
 */
export async function erasePerson(deps: ErasureDeps, projectId: string, person: string): Promise<ErasureResult> {
  const { store, writer, spool, erased } = deps;
  await writer?.flush();
  const sessions = new Set(await findPersonSessions(store, projectId, person));
  const isPersonRow = (row: Row, table: string) =>
    table === 'events' && row.project_id === projectId && (row.user_id === person || row.anonymous_id === person);
  const collect = (row: Row, table: string) => {
    if (isPersonRow(row, table) && typeof row.session_id === 'string') sessions.add(row.session_id);
  };
  await spool?.scan(collect);
  await spool?.deadLetters.scan(collect);
  // From here on ingest drops these sessions; what was accepted just before is flushed.
  await erased?.add(projectId, [...sessions]);
  await writer?.flush();
  const isSessionRow = (row: Row) =>
    row.project_id === projectId && typeof row.session_id === 'string' && sessions.has(row.session_id);
  await spool?.erase(isSessionRow);
  await spool?.deadLetters.erase(isSessionRow);
  await deleteSessions(store, projectId, [...sessions]);
  return { sessions: sessions.size };
}
