import { createHash } from 'node:crypto';
import { ERASED_SESSIONS_REFRESH_MS } from '../constants.js';
import { type Logger, silentLogger } from '../observability/logger.js';
import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';

const digest = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/**
 * The sessions erased at a person's request, as digests, so ingest can drop their late
 * rows. Held in memory (checked on every batch), loaded at start and reloaded now and
 * then so that an erasure made through another server reaches this one too.
 */
export class ErasedSessions {
  private erased = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger = silentLogger,
  ) {
    this.timer = setInterval(() => void this.load().catch(() => undefined), ERASED_SESSIONS_REFRESH_MS);
    this.timer.unref();
  }

  async load(): Promise<void> {
    const rows = await this.store.query<{ project_id: string; session_hash: string }>(
      'SELECT project_id, session_hash FROM {db:Identifier}.erased_sessions FINAL',
    );
    const loaded = new Set(rows.map((row) => `${row.project_id}\u0000${row.session_hash}`));
    for (const key of this.erased) loaded.add(key);
    this.erased = loaded;
  }

  has(projectId: string, sessionId: string): boolean {
    return this.erased.size > 0 && this.erased.has(`${projectId}\u0000${digest(sessionId)}`);
  }

  async add(projectId: string, sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const hashes = sessionIds.map(digest);
    for (const hash of hashes) this.erased.add(`${projectId}\u0000${hash}`);
    const erasedAt = formatDateTime(Date.now());
    await this.store.insert(
      'erased_sessions',
      hashes.map((session_hash) => ({ project_id: projectId, session_hash, erased_at: erasedAt })),
    );
    this.logger.info({ project: projectId, sessions: sessionIds.length }, 'sessions erased');
  }

  close(): void {
    clearInterval(this.timer);
  }
}
