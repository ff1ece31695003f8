import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { SPOOL_BISECT_AFTER_FAILURES, SPOOL_RESCAN_MS, SPOOL_RETRY_MAX_MS, SPOOL_RETRY_MIN_MS } from '../constants.js';
import { type Logger, silentLogger } from '../observability/logger.js';
import { bisectInsert } from './bisect-insert.js';
import type { Store } from './client.js';
import { DeadLetters } from './dead-letters.js';
import { syncFolder, writeFileDurably } from './durable-file.js';
import { classifyInsertFailure, type StoreErrorDetails, storeErrorDetails } from './insert-failure.js';

export class SpoolFullError extends Error {
  override name = 'SpoolFullError';
}

export interface SpoolStats {
  files: number;
  bytes: number;
  maxBytes: number;
  draining: boolean;
  /** How long the oldest file has been failing to go in, 0 while it is not failing. */
  failingForMs: number;
  lastError: StoreErrorDetails | null;
  deadLetters: { letters: number; rows: number; bytes: number };
}

export interface SpooledInsert {
  table: string;
  body: string;
}

/** `000000000042.events.jsonl` (spooled by this server) or `r<id>.events.jsonl` (a dead letter re-driven). */
const FILE = /^(\d{12}|r\d{13}-[0-9a-f]{8})\.([a-z_]+)\.jsonl$/;

/**
 * The on-disk spool: when ClickHouse cannot take an insert, its rows are written
 * here and fsynced before the requests are acknowledged, then replayed into
 * ClickHouse in order once it is back. While a backlog exists, new inserts join
 * it so the order is kept. Replays may repeat rows that partly landed; the
 * tables' deduplication key makes that harmless.
 *
 * A file whose rows the store refuses (rather than failing to answer) is split
 * until the refused rows are found: the rest goes in, those go to the dead-letter
 * folder, and the spool moves on. So no file can hold the others back.
 */
export class Spool {
  readonly deadLetters: DeadLetters;
  private seq = 0;
  private bytes = 0;
  private files = new Map<string, number>();
  private drainer: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private failingSince: number | undefined;
  private lastError: StoreErrorDetails | null = null;
  private lock: Promise<void> = Promise.resolve();
  private readonly rescan: NodeJS.Timeout;

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
    private readonly store: Store,
    private readonly logger: Logger = silentLogger,
    deadLetters?: DeadLetters,
  ) {
    mkdirSync(dir, { recursive: true });
    this.deadLetters = deadLetters ?? new DeadLetters(path.join(path.dirname(dir), 'dead-letters'), logger);
    this.adoptFiles();
    // Dead letters re-driven by `snag spool retry` appear in the folder while the server runs.
    this.rescan = setInterval(() => this.adoptFiles(), SPOOL_RESCAN_MS);
    this.rescan.unref();
  }

  hasBacklog(): boolean {
    return this.files.size > 0;
  }

  stats(): SpoolStats {
    return {
      files: this.files.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      draining: this.drainer !== undefined,
      failingForMs: this.failingSince === undefined ? 0 : Date.now() - this.failingSince,
      lastError: this.lastError,
      deadLetters: this.deadLetters.stats(),
    };
  }

  /** Writes one flush durably (write, fsync, rename, fsync the folder), or throws SpoolFullError. */
  async append(inserts: SpooledInsert[]): Promise<void> {
    const sizes = inserts.map((insert) => Buffer.byteLength(insert.body));
    const size = sizes.reduce((sum, n) => sum + n, 0);
    if (this.files.size === 0) {
      this.logger.warn(
        { spool_dir: this.dir },
        'the event store is failing: acknowledged batches go to the disk spool',
      );
    }
    if (this.bytes + size > this.maxBytes) {
      throw new SpoolFullError(`the spool is full (${this.bytes} of ${this.maxBytes} bytes)`);
    }
    this.bytes += size;
    const seq = String(this.seq++).padStart(12, '0');
    try {
      const names = await Promise.all(
        inserts.map(async (insert) => {
          const name = `${seq}.${insert.table}.jsonl`;
          await writeFileDurably(path.join(this.dir, name), insert.body);
          return name;
        }),
      );
      await syncFolder(this.dir);
      for (const [index, name] of names.entries()) this.files.set(name, sizes[index] ?? 0);
    } catch (error) {
      this.bytes -= size;
      throw error;
    }
    this.startDraining();
  }

  /**
   * Rewrites every spooled file without the rows `drop` matches (erasure). Runs
   * between two replays, never during one.
   */
  async erase(drop: (row: Record<string, unknown>) => boolean): Promise<number> {
    return this.exclusive(async () => {
      let removed = 0;
      for (const name of [...this.files.keys()]) {
        const file = path.join(this.dir, name);
        const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
        const kept = lines.filter((line) => !drop(JSON.parse(line) as Record<string, unknown>));
        if (kept.length === lines.length) continue;
        removed += lines.length - kept.length;
        if (kept.length === 0) await this.forget(name);
        else await this.rewrite(name, kept);
      }
      await syncFolder(this.dir);
      return removed;
    });
  }

  /** Calls `visit` with every spooled row and its table. */
  async scan(visit: (row: Record<string, unknown>, table: string) => void): Promise<void> {
    await this.exclusive(async () => {
      for (const name of this.files.keys()) {
        const table = FILE.exec(name)?.[2] as string;
        const text = await readFile(path.join(this.dir, name), 'utf8');
        for (const line of text.split('\n')) if (line) visit(JSON.parse(line) as Record<string, unknown>, table);
      }
    });
  }

  /** Stops replaying (what is left stays on disk for the next start). */
  async close(): Promise<void> {
    this.stopped = true;
    clearInterval(this.rescan);
    this.wake?.();
    await this.drainer;
  }

  /** Resolves once the backlog is empty (or the spool is closed). */
  async drained(): Promise<void> {
    while (this.drainer) await this.drainer;
  }

  private adoptFiles(): void {
    for (const name of readdirSync(this.dir)) {
      const match = FILE.exec(name);
      if (!match || this.files.has(name)) continue;
      const size = statSync(path.join(this.dir, name)).size;
      this.files.set(name, size);
      this.bytes += size;
      if (/^\d+$/.test(match[1] as string)) this.seq = Math.max(this.seq, Number(match[1]) + 1);
    }
    if (this.files.size > 0) this.startDraining();
  }

  private startDraining(): void {
    if (this.drainer || this.stopped) return;
    this.drainer = this.drain().finally(() => {
      this.drainer = undefined;
    });
  }

  private async drain(): Promise<void> {
    let delay = SPOOL_RETRY_MIN_MS;
    let failures = 0;
    while (!this.stopped && this.files.size > 0) {
      const done = await this.exclusive(() => this.replayOldest(failures >= SPOOL_BISECT_AFTER_FAILURES)).catch(
        (error: unknown) => {
          this.lastError = storeErrorDetails(error);
          return false;
        },
      );
      if (done) {
        delay = SPOOL_RETRY_MIN_MS;
        failures = 0;
        this.failingSince = undefined;
        this.lastError = null;
        continue;
      }
      failures += 1;
      this.failingSince ??= Date.now();
      if (failures === 1) {
        this.logger.warn({ error: this.lastError, files: this.files.size }, 'spool replay failed; retrying');
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, delay).unref();
      });
      delay = Math.min(delay * 2, SPOOL_RETRY_MAX_MS);
    }
    if (this.files.size === 0) this.logger.info('the event store is back: the spool is written out');
  }

  /**
   * Inserts the oldest file; true when it is gone (written, or its refused rows set
   * apart). `insistent`: the store keeps answering with errors that are usually
   * passing, so treat any error it answers with as a refusal of the rows.
   */
  private async replayOldest(insistent: boolean): Promise<boolean> {
    const name = [...this.files.keys()].sort()[0];
    if (name === undefined) return true;
    const table = FILE.exec(name)?.[2] as string;
    const file = path.join(this.dir, name);
    const body = await readFile(file, 'utf8');
    const lines = body.split('\n').filter(Boolean);
    const insert = (part: readonly string[]) => this.store.insertJsonLines(table, `${part.join('\n')}\n`);
    const classify = (error: unknown) => {
      this.lastError = storeErrorDetails(error);
      if (insistent && this.lastError.code !== undefined) return 'rejected';
      return classifyInsertFailure(error);
    };
    const outcome = await bisectInsert(lines, insert, classify);
    if (outcome.rejected.length > 0) {
      const first = outcome.rejected[0]?.error;
      await this.deadLetters.add(
        table,
        outcome.rejected.map((entry) => entry.unit),
        first,
        'spool',
      );
    }
    if (outcome.unwritten.length === 0) {
      await this.forget(name);
      return true;
    }
    if (outcome.unwritten.length < lines.length) {
      // Part of the file went in before the store failed: keep only the rest.
      await this.rewrite(name, outcome.unwritten);
    }
    return false;
  }

  /** Replaces a spooled file with `lines` (durably), keeping the byte count right. */
  private async rewrite(name: string, lines: readonly string[]): Promise<void> {
    const body = `${lines.join('\n')}\n`;
    await writeFileDurably(path.join(this.dir, name), body);
    this.bytes += Buffer.byteLength(body) - (this.files.get(name) ?? 0);
    this.files.set(name, Buffer.byteLength(body));
  }

  private async forget(name: string): Promise<void> {
    await unlink(path.join(this.dir, name));
    this.bytes -= this.files.get(name) ?? 0;
    this.files.delete(name);
  }

  /** Runs `task` after every earlier one: replays, erasures and scans never interleave. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task);
    this.lock = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
