import { Agent, request } from 'node:http';
import type { EncodedBatch } from '../ingest/batches.js';

export interface StepResult {
  batchesPerSecond: number;
  sent: number;
  acknowledged: number;
  failed: number;
  p50: number;
  p99: number;
  acknowledgedIds: string[];
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
}): Promise<StepResult> {
  const target = new URL('/v1/ingest', options.url);
  if (!['127.0.0.1', 'localhost'].includes(target.hostname)) throw new Error('load goes to loopback only');
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
      post(target, agent, options.key, item.body).then((status) => {
        latencies.push(performance.now() - due);
        if (status === 202) {
          result.acknowledged += 1;
          result.acknowledgedIds.push(item.batch.session.id);
        } else result.failed += 1;
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  result.p50 = latencies[Math.floor(latencies.length * 0.5)] ?? 0;
  result.p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0;
  return result;
}

function post(target: URL, agent: Agent, key: string, body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'Content-Length': body.length,
          'X-Snag-Key': key,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.setTimeout(30_000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
