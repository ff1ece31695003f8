import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBatch } from './helpers/batches.js';
import { startServeProcess } from './helpers/cli-process.js';
import { makeDataDir } from './helpers/test-store.js';

const dataDir = makeDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function post(url: string, key: string, body: object): Promise<number> {
  const res = await fetch(`${url}/v1/ingest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Snag-Key': key },
    body: JSON.stringify(body),
  });
  return res.status;
}

async function sessionEvents(url: string, token: string, sessionId: string): Promise<number | undefined> {
  const res = await fetch(`${url}/api/v1/projects/default/sessions/${sessionId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (res.status === 404) return undefined;
  const body = (await res.json()) as { session: { events: number } };
  return body.session.events;
}

let adminToken = '';

describe('snag serve across restarts', () => {
  it('keeps data, the admin token and the public key on the same data folder', async () => {
    const first = await startServeProcess({ SNAG_DATA_DIR: dataDir });
    expect(first.adminToken).toMatch(/^snag_admin_/);
    adminToken = first.adminToken;
    expect(first.publicKey).toMatch(/^pk_/);
    const batch = makeBatch();
    expect(await post(first.url, first.publicKey, batch)).toBe(202);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('Snag stopped');

    const second = await startServeProcess({ SNAG_DATA_DIR: dataDir });
    try {
      // Printed on the first start only; the same token still opens the API.
      expect(second.adminToken).toBe('');
      expect(second.output()).toMatch(/admin token:\s+kept in the store; print it with `snag admin-token`/);
      expect(second.publicKey).toBe(first.publicKey);
      expect(await sessionEvents(second.url, first.adminToken, batch.session.id)).toBe(batch.events.length);
    } finally {
      await second.stop();
    }
  });

  it('writes every acknowledged batch when stopped by SIGTERM during ingest', async () => {
    const server = await startServeProcess({ SNAG_DATA_DIR: dataDir });
    const batches = Array.from({ length: 40 }, () => makeBatch());
    const sends = batches.map((batch) => post(server.url, server.publicKey, batch).catch(() => 0));
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect(await server.stop()).toBe(0);
    const statuses = await Promise.all(sends);
    const acknowledged = batches.filter((_, index) => statuses[index] === 202);
    expect(acknowledged.length).toBeGreaterThan(0);

    const restarted = await startServeProcess({ SNAG_DATA_DIR: dataDir });
    try {
      for (const batch of acknowledged) {
        expect(await sessionEvents(restarted.url, adminToken, batch.session.id)).toBe(batch.events.length);
      }
    } finally {
      await restarted.stop();
    }
  });

  it('exits with a clear message on a bad setting', async () => {
    await expect(startServeProcess({ SNAG_DATA_DIR: dataDir, SNAG_RETENTION_DAYS: 'forever' })).rejects.toThrow(
      /exited with 1:\nInvalid configuration:\n {2}SNAG_RETENTION_DAYS: /,
    );
  });
});
