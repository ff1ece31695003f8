import { FLUSH_INTERVAL_MS, FLUSH_MAX_ROWS, MAX_PENDING_ROWS } from '../constants.js';
import type { Store } from './client.js';
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

interface Pending {
  /** JSON lines by table: rows are serialised as they arrive, spreading the work over requests. */
  tables: Map<string, string[]>;
  rowCount: number;
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

export interface WriterStats {
  pendingRows: number;
  inFlightRows: number;
  inserts: number;
  rowsWritten: number;
  failedInserts: number;
  rowsSpooled: number;
}

/**
 * Group commit: concurrent requests share one insert per table. A request's
 * promise settles when the insert holding its rows has succeeded or failed, so
 * a 202 means the rows are in ClickHouse. One insert is in flight at a time and
 * inserts start at most once per interval (unless a batch fills), so ClickHouse
 * sees few, large inserts however many requests arrive. With a spool, an insert
 * ClickHouse refuses is written to disk instead, and the requests still succeed.
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
  private readonly counters = { inserts: 0, rowsWritten: 0, failedInserts: 0, rowsSpooled: 0 };

  constructor(
    private readonly store: Store,
    options: WriterOptions = {},
    private readonly spool?: Spool,
  ) {
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
      for (const table in rows) {
        const list = rows[table];
        if (!list || list.length === 0) continue;
        let target = this.pending.tables.get(table);
        if (!target) {
          target = [];
          this.pending.tables.set(table, target);
        }
        for (const row of list) target.push(JSON.stringify(row));
      }
      this.pending.rowCount += count;
      this.pending.waiters.push({ resolve, reject });
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
    const inserts = [...batch.tables].map(([table, lines]) => ({ table, body: `${lines.join('\n')}\n` }));
    try {
      if (this.spool?.hasBacklog()) {
        // Keep the order: while older rows wait in the spool, newer ones queue behind them.
        await this.spool.append(inserts);
        this.counters.rowsSpooled += batch.rowCount;
      } else {
        await this.insertOrSpool(inserts, batch.rowCount);
      }
      for (const waiter of batch.waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of batch.waiters) waiter.reject(error);
    }
  }

  private async insertOrSpool(inserts: Array<{ table: string; body: string }>, rowCount: number): Promise<void> {
    const started = performance.now();
    try {
      await Promise.all(inserts.map(({ table, body }) => this.store.insertJsonLines(table, body)));
      this.onInsert((performance.now() - started) / 1000, true);
      this.counters.inserts += 1;
      this.counters.rowsWritten += rowCount;
    } catch (error) {
      this.onInsert((performance.now() - started) / 1000, false);
      this.counters.failedInserts += 1;
      if (!this.spool) throw error;
      await this.spool.append(inserts);
      this.counters.rowsSpooled += rowCount;
    }
  }
}

function emptyPending(): Pending {
  return { tables: new Map(), rowCount: 0, waiters: [] };
}
