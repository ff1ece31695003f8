import { Agent } from 'node:http';
import type { EncodedBatch } from '../ingest/batches.js';
import { percentile } from '../ingest/load.js';
import { loopbackIngestUrl, postBatch } from '../ingest/post-batch.js';

export interface StepResult {
  batchesPerSecond: number;
  sent: number;
  acknowledged: number;
  failed: number;
  p50: number;
  p99: number;
  acknowledgedIds: string[];
  /** Batches answered with anything but 202 (a client keeps and resends these). */
  refused: EncodedBatch[];
}

/**
 * Open-loop load on loopback: batches leave at a fixed rate whether or not earlier
 * ones were answered, as many browsers would send them, for `seconds`.
 */
export async function runStep(options: {
  url: string;
  key: string;
  batches: EncodedBatch[];
  offset: number;
  batchesPerSecond: number;
  seconds: number;
  /** Called as each 202 arrives. */
  onAcknowledged?: (item: EncodedBatch) => void;
}): Promise<StepResult> {
  const target = loopbackIngestUrl(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const latencies: number[] = [];
  const result: StepResult = {
    batchesPerSecond: options.batchesPerSecond,
    sent: 0,
    acknowledged: 0,
    failed: 0,
    p50: 0,
    p99: 0,
    acknowledgedIds: [],
    refused: [],
  };
  const total = Math.round(options.batchesPerSecond * options.seconds);
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / options.batchesPerSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const item = options.batches[(options.offset + n) % options.batches.length] as EncodedBatch;
    result.sent += 1;
    inFlight.push(
      postBatch(target, agent, options.key, item.body).then((status) => {
        latencies.push(performance.now() - due);
        if (status === 202) {
          result.acknowledged += 1;
          result.acknowledgedIds.push(item.batch.session.id);
          options.onAcknowledged?.(item);
        } else {
          result.failed += 1;
          result.refused.push(item);
        }
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  result.p50 = percentile(latencies, 50);
  result.p99 = percentile(latencies, 99);
  return result;
}
