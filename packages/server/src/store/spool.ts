import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { SPOOL_RETRY_MAX_MS, SPOOL_RETRY_MIN_MS } from '../constants.js';
import { type Logger, silentLogger } from '../observability/logger.js';
import type { Store } from './client.js';

export class SpoolFullError extends Error {
  override name = 'SpoolFullError';
}

export interface SpoolStats {
  files: number;
  bytes: number;
  maxBytes: number;
  draining: boolean;
}

export interface SpooledInsert {
  table: string;
  body: string;
}

const FILE = /^(\d{12})\.([a-z_]+)\.jsonl$/;

/**
 * The on-disk spool: when ClickHouse cannot take an insert, its rows are written
 * here and fsynced before the requests are acknowledged, then replayed into
 * ClickHouse in order once it is back. While a backlog exists, new inserts join
 * it so the order is kept. Replays may repeat rows that partly landed; the
 * tables' deduplication key makes that harmless.
 */
export class Spool {
  private seq = 0;
  private bytes = 0;
  private files = new Map<string, number>();
  private drainer: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
    private readonly store: Store,
    private readonly logger: Logger = silentLogger,
  ) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      const match = FILE.exec(name);
      if (!match) continue;
      this.files.set(name, statSync(path.join(dir, name)).size);
      this.seq = Math.max(this.seq, Number(match[1]) + 1);
    }
    for (const size of this.files.values()) this.bytes += size;
    if (this.files.size > 0) this.startDraining();
  }

  hasBacklog(): boolean {
    return this.files.size > 0;
  }

  stats(): SpoolStats {
    return { files: this.files.size, bytes: this.bytes, maxBytes: this.maxBytes, draining: this.drainer !== undefined };
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
          const file = path.join(this.dir, name);
          const handle = await open(`${file}.tmp`, 'w');
          try {
            await handle.writeFile(insert.body);
            await handle.sync();
          } finally {
            await handle.close();
          }
          await rename(`${file}.tmp`, file);
          return name;
        }),
      );
      const dir = await open(this.dir, 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
      for (const [index, name] of names.entries()) this.files.set(name, sizes[index] ?? 0);
    } catch (error) {
      this.bytes -= size;
      throw error;
    }
    this.startDraining();
  }

  /** Stops replaying (what is left stays on disk for the next start). */
  async close(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.drainer;
  }

  /** Resolves once the backlog is empty (or the spool is closed). */
  async drained(): Promise<void> {
    while (this.drainer) await this.drainer;
  }

  private startDraining(): void {
    if (this.drainer || this.stopped) return;
    this.drainer = this.drain().finally(() => {
      this.drainer = undefined;
    });
  }

  private async drain(): Promise<void> {
    let delay = SPOOL_RETRY_MIN_MS;
    while (!this.stopped && this.files.size > 0) {
      const name = [...this.files.keys()].sort()[0] as string;
      const table = FILE.exec(name)?.[2] as string;
      const file = path.join(this.dir, name);
      try {
        await this.store.insertJsonLines(table, await readFile(file, 'utf8'));
      } catch (error) {
        if (delay === SPOOL_RETRY_MIN_MS)
          this.logger.warn({ err: error, files: this.files.size }, 'spool replay failed; retrying');
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, delay).unref();
        });
        delay = Math.min(delay * 2, SPOOL_RETRY_MAX_MS);
        continue;
      }
      delay = SPOOL_RETRY_MIN_MS;
      await unlink(file);
      this.bytes -= this.files.get(name) ?? 0;
      this.files.delete(name);
    }
    if (this.files.size === 0) this.logger.info('the event store is back: the spool is written out');
  }
}
