import { SPOOL_READY_MAX_FILL, SPOOL_STUCK_AFTER_MS } from '../constants.js';
import type { Store } from '../store/client.js';
import type { DiskGuard } from '../store/disk-guard.js';
import type { Spool } from '../store/spool.js';
import type { BatchingWriter } from '../store/writer.js';

export interface Readiness {
  ready: boolean;
  body: Record<string, unknown>;
}

/**
 * `/readyz`: not ready (503, with the reasons) when the store does not answer, when
 * the spool's oldest insert has been failing for a while, or when the spool is
 * filling up; a load balancer then sends traffic to another instance. A low disk
 * is reported but keeps the server ready: events still land, only replays wait.
 */
export async function checkReadiness(
  store: Store,
  writer: BatchingWriter,
  spool: Spool | undefined,
  disk: DiskGuard | undefined,
): Promise<Readiness> {
  const reachable = await store.ping();
  const spoolStats = spool?.stats();
  const reasons: string[] = [];
  if (!reachable) reasons.push('store_unreachable');
  if (spoolStats && spoolStats.failingForMs > SPOOL_STUCK_AFTER_MS) reasons.push('spool_stuck');
  if (spoolStats && spoolStats.bytes > spoolStats.maxBytes * SPOOL_READY_MAX_FILL) reasons.push('spool_filling');
  const diskState = disk?.state();
  const warnings = diskState && diskState.level !== 'ok' ? [`disk_${diskState.level}`] : [];
  return {
    ready: reasons.length === 0,
    body: {
      status: reasons.length === 0 ? 'ready' : 'unavailable',
      reasons,
      warnings,
      store: { kind: store.config.kind, reachable },
      writer: writer.stats(),
      spool: spoolStats ?? null,
      disk: diskState ?? null,
    },
  };
}
