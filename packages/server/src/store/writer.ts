import { FLUSH_INTERVAL_MS, FLUSH_MAX_ROWS, MAX_PENDING_ROWS } from '../constants.js';
import { bisectInsert } from './bisect-insert.js';
import type { Store } from './client.js';
import type { DeadLetters } from './dead-letters.js';
import { classifyInsertFailure, type StoreErrorDetails, storeErrorDetails } from './insert-failure.js';
import { serializeRow } from './serialize-row.js';
import type { Spool } from './spool.js';

/** Rows to insert, by table name. */
export type TableRows = Record<string, readonly object[]>;

export interface WriterOptions {
  flushIntervalMs?: number;
  maxBatchRows?: number;
  maxPendingRows?: number;
  /** Called after each insert into ClickHouse with its duration. */
  onInsert?: (seconds: number, ok: boolean) => void;
}

export class WriterOverloadedError extends Error {
  override name = 'WriterOverloadedError';
}

export class WriterClosedError extends Error {
  override name = 'WriterClosedError';
}

/** One write() call: a request's rows, kept apart so a refused one can be told from the rest. */
interface Part {
  /** JSON lines by table: rows are serialised as they arrive, spreading the work over requests. */
  tables: Map<string, string[]>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Pending {
  parts: Part[];
  rowCount: number;
}

/** The store refused a request's rows and there is no dead-letter folder to keep them in. */
export class RowsRejectedError extends Error {
  override name = 'RowsRejectedError';
  constructor(readonly details: StoreErrorDetails) {
    super(`the event store refused the rows: ${details.type ?? details.code ?? ''} ${details.message}`.slice(0, 500));
  }
}

export interface WriterStats {
  pendingRows: number;
  inFlightRows: number;
  inserts: number;
  rowsWritten: number;
  failedInserts: number;
  rowsSpooled: number;
  /** Requests whose rows the store refused even alone, kept as dead letters. */
  deadLetters: number;
}

/**
 * Group commit: concurrent requests share one insert per table. A request's
 * promise settles when the insert holding its rows has succeeded or failed, so
 * a 202 means the rows are in ClickHouse. One insert is in flight at a time and
 * inserts start at most once per interval (unless a batch fills), so ClickHouse
 * sees few, large inserts however many requests arrive. With a spool, an insert
 * that fails because ClickHouse is unreachable or busy is written to disk instead,
 * and the requests still succeed. When ClickHouse refuses the rows themselves, the
 * insert is split until the requests at fault are found: every other request's rows
 * go in, theirs go to the dead-letter folder, and no request waits on another's.
 */
export class BatchingWriter {
  private pending: Pending = emptyPending();
  private inFlight: Promise<void> | undefined;
  private inFlightRows = 0;
  private timer: NodeJS.Timeout | undefined;
  private due = false;
  private lastInsertAt = Number.NEGATIVE_INFINITY;
  private closed = false;
  private readonly flushIntervalMs: number;
  private readonly maxBatchRows: number;
  private readonly maxPendingRows: number;
  private readonly onInsert: (seconds: number, ok: boolean) => void;
  private readonly counters = { inserts: 0, rowsWritten: 0, failedInserts: 0, rowsSpooled: 0, deadLetters: 0 };
  private readonly deadLetters: DeadLetters | undefined;

  constructor(
    private readonly store: Store,
    options: WriterOptions = {},
    private readonly spool?: Spool,
  ) {
    this.deadLetters = spool?.deadLetters;
    this.flushIntervalMs = options.flushIntervalMs ?? FLUSH_INTERVAL_MS;
    this.maxBatchRows = options.maxBatchRows ?? FLUSH_MAX_ROWS;
    this.maxPendingRows = options.maxPendingRows ?? MAX_PENDING_ROWS;
    this.onInsert = options.onInsert ?? (() => undefined);
  }

  write(rows: TableRows): Promise<void> {
    if (this.closed) return Promise.reject(new WriterClosedError('the writer is shutting down'));
    let count = 0;
    for (const table in rows) count += rows[table]?.length ?? 0;
    if (count === 0) return Promise.resolve();
    if (this.pending.rowCount + this.inFlightRows + count > this.maxPendingRows) {
      return Promise.reject(new WriterOverloadedError('too many rows waiting to be written'));
    }
    return new Promise<void>((resolve, reject) => {
      const tables = new Map<string, string[]>();
      for (const table in rows) {
        const list = rows[table];
        if (!list || list.length === 0) continue;
        tables.set(
          table,
          list.map((row) => serializeRow(row)),
        );
      }
      this.pending.rowCount += count;
      this.pending.parts.push({ tables, resolve, reject });
      if (this.pending.rowCount >= this.maxBatchRows) this.due = true;
      else if (!this.timer) {
        // Inserts start at most once per interval: the first row after a quiet spell goes
        // at once, rows during a busy spell join the insert due one interval after the last.
        const wait = Math.max(0, this.lastInsertAt + this.flushIntervalMs - performance.now());
        this.timer = setTimeout(() => this.onTimer(), wait);
      }
      this.kick();
    });
  }

  /** Writes everything waiting now; settles when all of it is written (or failed). */
  async flush(): Promise<void> {
    this.due = true;
    while (this.inFlight || this.pending.rowCount > 0) {
      this.kick();
      await this.inFlight?.catch(() => undefined);
    }
  }

  /** Refuses new rows and writes the ones already accepted. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
  }

  stats(): WriterStats {
    return { pendingRows: this.pending.rowCount, inFlightRows: this.inFlightRows, ...this.counters };
  }

  private onTimer(): void {
    this.timer = undefined;
    this.due = true;
    this.kick();
  }

  private kick(): void {
    if (this.inFlight || !this.due || this.pending.rowCount === 0) return;
    const batch = this.pending;
    this.pending = emptyPending();
    this.due = false;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.inFlightRows = batch.rowCount;
    this.lastInsertAt = performance.now();
    this.inFlight = this.insert(batch).finally(() => {
      this.inFlight = undefined;
      this.inFlightRows = 0;
      // Rows that arrived during the insert have already waited for it: go again
      // at once if they filled a batch, otherwise let their timer decide.
      if (this.pending.rowCount >= this.maxBatchRows) this.due = true;
      this.kick();
    });
  }

  private async insert(batch: Pending): Promise<void> {
    const { parts } = batch;
    if (this.spool?.hasBacklog()) {
      // Keep the order: while older rows wait in the spool, newer ones queue behind them.
      try {
        await this.spool.append(tablesOf(parts).map((table) => ({ table, body: bodyOf(parts, table) })));
        this.counters.rowsSpooled += batch.rowCount;
        for (const part of parts) part.resolve();
      } catch (error) {
        for (const part of parts) part.reject(error);
      }
      return;
    }
    const tables = tablesOf(parts);
    const started = performance.now();
    const results = await Promise.allSettled(
      tables.map((table) => this.store.insertJsonLines(table, bodyOf(parts, table))),
    );
    const ok = results.every((result) => result.status === 'fulfilled');
    this.onInsert((performance.now() - started) / 1000, ok);
    if (ok) {
      this.counters.inserts += 1;
      this.counters.rowsWritten += batch.rowCount;
      for (const part of parts) part.resolve();
      return;
    }
    this.counters.failedInserts += 1;
    const failed = new Map<Part, unknown>();
    const unwritten: Array<{ table: string; parts: Part[] }> = [];
    let transient: unknown;
    for (const [index, result] of results.entries()) {
      if (result.status === 'fulfilled') continue;
      const table = tables[index] as string;
      const withRows = parts.filter((part) => part.tables.has(table));
      const outcome = await bisectInsert(
        withRows,
        (some) => this.store.insertJsonLines(table, bodyOf(some, table)),
        classifyInsertFailure,
        result.reason,
      );
      for (const { unit, error } of outcome.rejected) {
        const kept = await this.keepRejected(table, unit, error);
        if (!kept.ok) failed.set(unit, kept.error);
      }
      if (outcome.unwritten.length > 0) {
        unwritten.push({ table, parts: outcome.unwritten });
        transient ??= result.reason;
      }
    }
    if (unwritten.length > 0) {
      const error = await this.spoolUnwritten(unwritten, transient);
      if (error !== undefined) for (const entry of unwritten) for (const part of entry.parts) failed.set(part, error);
    }
    for (const part of parts) {
      const error = failed.get(part);
      if (error === undefined) part.resolve();
      else part.reject(error);
    }
  }

  /** A request's rows the store refused on their own: into the dead-letter folder, or an error for the request. */
  private async keepRejected(
    table: string,
    part: Part,
    error: unknown,
  ): Promise<{ ok: true } | { ok: false; error: unknown }> {
    if (!this.deadLetters) return { ok: false, error: new RowsRejectedError(storeErrorDetails(error)) };
    try {
      await this.deadLetters.add(table, part.tables.get(table) ?? [], error, 'ingest');
      this.counters.deadLetters += 1;
      return { ok: true };
    } catch (writeError) {
      return { ok: false, error: writeError };
    }
  }

  /** Rows not written because the store failed transiently: to the spool, or the error for their requests. */
  private async spoolUnwritten(unwritten: Array<{ table: string; parts: Part[] }>, cause: unknown): Promise<unknown> {
    if (!this.spool) return cause;
    try {
      await this.spool.append(unwritten.map(({ table, parts }) => ({ table, body: bodyOf(parts, table) })));
      for (const { table, parts } of unwritten) {
        for (const part of parts) this.counters.rowsSpooled += part.tables.get(table)?.length ?? 0;
      }
      return undefined;
    } catch (error) {
      return error;
    }
  }
}

function tablesOf(parts: readonly Part[]): string[] {
  const tables = new Set<string>();
  for (const part of parts) for (const table of part.tables.keys()) tables.add(table);
  return [...tables];
}

function bodyOf(parts: readonly Part[], table: string): string {
  return `${parts.flatMap((part) => part.tables.get(table) ?? []).join('\n')}\n`;
}

function emptyPending(): Pending {
  return { parts: [], rowCount: 0 };
}
