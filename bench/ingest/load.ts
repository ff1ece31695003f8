import { Agent } from 'node:http';
import type { EncodedBatch } from './batches.js';
import { loopbackIngestUrl, postBatch } from './post-batch.js';

export interface LoadResult {
  requests: number;
  events: number;
  failures: number;
  seconds: number;
  latenciesMs: number[];
}

/** `concurrency` keep-alive clients POST batches back to back for `seconds`, on loopback only. */
export async function runLoad(options: {
  url: string;
  key: string;
  batches: EncodedBatch[];
  concurrency: number;
  seconds: number;
}): Promise<LoadResult> {
  const target = loopbackIngestUrl(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const result: LoadResult = { requests: 0, events: 0, failures: 0, seconds: 0, latenciesMs: [] };
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  let next = 0;

  const client = async () => {
    while (performance.now() < deadline) {
      const item = options.batches[next++ % options.batches.length] as EncodedBatch;
      const sentAt = performance.now();
      const status = await postBatch(target, agent, options.key, item.body);
      result.latenciesMs.push(performance.now() - sentAt);
      result.requests += 1;
      if (status === 202) result.events += item.batch.events.length;
      else result.failures += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
