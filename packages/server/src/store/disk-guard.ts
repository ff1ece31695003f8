import { statfs } from 'node:fs/promises';
import { DISK_CHECK_INTERVAL_MS, DISK_CRITICAL_SHARE } from '../constants.js';
import { type Logger, silentLogger } from '../observability/logger.js';

/** `low`: replay chunks are refused, events still land; `critical`: every batch is refused. */
export type DiskLevel = 'ok' | 'low' | 'critical';

export interface DiskState {
  level: DiskLevel;
  freeBytes: number;
  minFreeBytes: number;
}

/** Free bytes on the file system holding `dir`, as an unprivileged process may use them. */
export async function freeBytesOf(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

/**
 * Watches the free space of the data folder, so a full disk costs recordings first
 * and never the store: below `minFreeBytes` ingest refuses replay chunks (503, the
 * SDK keeps them), below a quarter of it every batch. Checked on a timer; requests
 * read the last answer.
 */
export class DiskGuard {
  private current: DiskState;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly minFreeBytes: number,
    private readonly probe: () => Promise<number>,
    private readonly logger: Logger = silentLogger,
  ) {
    this.current = { level: 'ok', freeBytes: Number.POSITIVE_INFINITY, minFreeBytes };
    this.timer = setInterval(() => void this.check(), DISK_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  state(): DiskState {
    return this.current;
  }

  /** Measures now; `startServer` awaits one check before listening. */
  async check(): Promise<DiskState> {
    let freeBytes: number;
    try {
      freeBytes = await this.probe();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not measure free disk space');
      return this.current;
    }
    const level: DiskLevel =
      freeBytes < this.minFreeBytes * DISK_CRITICAL_SHARE ? 'critical' : freeBytes < this.minFreeBytes ? 'low' : 'ok';
    if (level !== this.current.level) {
      const entry = {
        free_mb: Math.round(freeBytes / 1_048_576),
        min_free_mb: Math.round(this.minFreeBytes / 1_048_576),
      };
      if (level === 'ok') this.logger.info(entry, 'disk space is back: ingest takes everything again');
      else if (level === 'low')
        this.logger.warn(entry, 'disk space is low: replay chunks are refused until it recovers');
      else this.logger.error(entry, 'disk space is critical: every ingest batch is refused until it recovers');
    }
    this.current = { level, freeBytes, minFreeBytes: this.minFreeBytes };
    return this.current;
  }

  close(): void {
    clearInterval(this.timer);
  }
}
