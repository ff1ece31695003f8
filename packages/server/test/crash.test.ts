import { rmSync } from 'node:fs';
import type { Batch } from '@snag/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBatch } from './helpers/batches.js';
import { startServeProcess } from './helpers/cli-process.js';
import { makeDataDir } from './helpers/test-store.js';

const dataDir = makeDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const CLIENTS = 16;
/** Kill once this many batches are acknowledged, with more still in flight. */
const KILL_AFTER_ACKS = 100;

describe('kill -9 during heavy ingest', () => {
  // After the restart it looks up every acknowledged session in turn (~110 API calls, each
  // computing the session's journey signals live): a minute is too tight on a loaded machine.
  it('loses none of the batches it acknowledged', { timeout: 180_000 }, async () => {
    // Many browsers, one loopback address: the per-address limit would throttle them.
    const server = await startServeProcess({ SNAG_DATA_DIR: dataDir, SNAG_RATE_LIMIT_IP_REQUESTS_PER_S: '0' });
    const acknowledged: Batch[] = [];
    let sent = 0;
    let stop = false;
    const client = async () => {
      while (!stop) {
        const batch = makeBatch();
        sent += 1;
        try {
          const res = await fetch(`${server.url}/v1/ingest`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Snag-Key': server.publicKey },
            body: JSON.stringify(batch),
          });
          if (res.status === 202) acknowledged.push(batch);
        } catch {
          return;
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    while (acknowledged.length < KILL_AFTER_ACKS) await new Promise((resolve) => setTimeout(resolve, 10));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(clients);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    // The restart does not print the admin token (only a first start does): the first one's is still valid.
    const restarted = await startServeProcess({ SNAG_DATA_DIR: dataDir });
    try {
      const res = await fetch(`${restarted.url}/readyz`);
      expect(res.status).toBe(200);
      let stored = 0;
      for (const batch of acknowledged) {
        const session = await fetch(`${restarted.url}/api/v1/projects/default/sessions/${batch.session.id}`, {
          headers: { Authorization: `Bearer ${server.adminToken}` },
        });
        if (session.status === 200) {
          const body = (await session.json()) as { session: { events: number } };
          if (body.session.events === batch.events.length) stored += 1;
        }
      }
      console.log(`kill -9: ${sent} batches sent, ${acknowledged.length} acknowledged, ${stored} stored after restart`);
      expect(stored).toBe(acknowledged.length);
    } finally {
      await restarted.stop();
    }
  });
});
