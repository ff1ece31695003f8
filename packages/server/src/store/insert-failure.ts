/**
 * Whether a failed insert is worth retrying as it is (`transient`: the store is
 * unreachable, busy or short of something) or the store refused the rows
 * themselves (`rejected`: retrying the same rows fails the same way forever).
 */
export type InsertFailure = 'transient' | 'rejected';

/** ClickHouse error types that say nothing about the rows: the same insert may pass later. */
const TRANSIENT_TYPES = new Set([
  'TOO_MANY_PARTS',
  'MEMORY_LIMIT_EXCEEDED',
  'CANNOT_ALLOCATE_MEMORY',
  'TIMEOUT_EXCEEDED',
  'SOCKET_TIMEOUT',
  'NETWORK_ERROR',
  'ALL_CONNECTION_TRIES_FAILED',
  'TOO_MANY_SIMULTANEOUS_QUERIES',
  'TABLE_IS_READ_ONLY',
  'READONLY',
  'NOT_ENOUGH_SPACE',
  'KEEPER_EXCEPTION',
  'QUERY_WAS_CANCELLED',
  'ABORTED',
  'UNKNOWN_TABLE',
  'UNKNOWN_DATABASE',
  'NO_ZOOKEEPER',
  'REPLICA_IS_NOT_IN_QUORUM',
  'UNFINISHED',
  'SERVER_OVERLOADED',
  'TOO_MANY_SIMULTANEOUS_INSERTS',
]);

/** TOO_MANY_PARTS also names a block spanning too many partitions, which no retry fixes. */
const TOO_MANY_PARTITIONS = /partitions for single insert block/i;

export interface StoreErrorDetails {
  code?: string;
  type?: string;
  message: string;
}

/** A ClickHouse server (or chDB) error carries a numeric `code` and a `type`; network failures do not. */
export function storeErrorDetails(error: unknown): StoreErrorDetails {
  const candidate = error as { code?: unknown; type?: unknown; message?: unknown } | undefined;
  const message = typeof candidate?.message === 'string' ? candidate.message : String(error);
  const answered = typeof candidate?.code === 'string' && /^\d+$/.test(candidate.code);
  return answered
    ? { code: candidate.code as string, type: typeof candidate.type === 'string' ? candidate.type : undefined, message }
    : { message };
}

export function classifyInsertFailure(error: unknown): InsertFailure {
  const details = storeErrorDetails(error);
  // No answer from the store (refused connection, timeout, HTTP error without a ClickHouse code).
  if (details.code === undefined) return 'transient';
  if (details.type === 'TOO_MANY_PARTS' && TOO_MANY_PARTITIONS.test(details.message)) return 'rejected';
  return details.type !== undefined && TRANSIENT_TYPES.has(details.type) ? 'transient' : 'rejected';
}
