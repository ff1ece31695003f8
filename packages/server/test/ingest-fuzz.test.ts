import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBatch } from './helpers/batches.js';
import { createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ writer: { flushIntervalMs: 2 } });
});
afterAll(async () => {
  await server?.close();
});

const RUNS = 1_500;

type Json = unknown;
type Mutation = { path: number[]; action: 'delete' | 'replace' | 'add'; value: Json; key: string };

/** Applies one mutation at a path of key indexes into a valid batch (a deep copy). */
function mutate(batch: Json, mutation: Mutation): Json {
  const copy = structuredClone(batch) as Record<string, Json>;
  let node: Record<string, Json> = copy;
  for (const step of mutation.path) {
    const keys = Object.keys(node);
    const key = keys[step % Math.max(1, keys.length)];
    const child = key === undefined ? undefined : node[key];
    if (child === null || typeof child !== 'object') break;
    node = child as Record<string, Json>;
  }
  const keys = Object.keys(node);
  const target = keys[mutation.path.length % Math.max(1, keys.length)] ?? mutation.key;
  if (mutation.action === 'delete') delete node[target];
  else if (mutation.action === 'replace') node[target] = mutation.value;
  else node[mutation.key] = mutation.value;
  return copy;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(30), { maxLength: 5 }),
  action: fc.constantFrom('delete', 'replace', 'add'),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom("'; DROP TABLE events; --", '<script>alert(1)</script>', '\u0000', -1, 1e308, '../../etc/passwd'),
  ),
  key: fc.string({ maxLength: 12 }),
});

describe('ingest fuzzing', () => {
  it(`never crashes, never blames itself (5xx) and never stores part of a rejected batch (${RUNS} runs)`, async () => {
    const accepted: Array<{ session: string; events: number }> = [];
    const rejected: string[] = [];
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 6, arbitrary: mutationArb.map((m) => ({ kind: 'mutated' as const, mutation: m })) },
          { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })) },
          {
            weight: 1,
            arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => ({ kind: 'bytes' as const, bytes })),
          },
        ),
        fc.boolean(),
        async (input, gzip) => {
          const batch = makeBatch();
          let body: Buffer;
          if (input.kind === 'mutated') body = Buffer.from(JSON.stringify(mutate(batch, input.mutation)) ?? 'null');
          else if (input.kind === 'json') body = Buffer.from(JSON.stringify(input.value) ?? 'null');
          else body = Buffer.from(input.bytes);
          const res = await request(server.app)
            .post('/v1/ingest')
            .set('X-Snag-Key', PUBLIC_KEY)
            .set('Content-Type', 'text/plain')
            .set('Content-Encoding', gzip ? 'gzip' : 'identity')
            .send(gzip ? gzipSync(body) : body);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          expect(res.body.error ?? res.body.accepted).toBeDefined();
          if (res.status === 202) {
            const sent = JSON.parse(body.toString()) as { session: { id: string }; events: Array<{ type: string }> };
            const rows = sent.events.filter((event) => event.type !== 'replay').length;
            if (rows > 0) accepted.push({ session: sent.session.id, events: rows });
          } else {
            expect(res.body.message).toEqual(expect.any(String));
            rejected.push(batch.session.id);
          }
        },
      ),
      { numRuns: RUNS },
    );

    console.log('fuzz statuses', Object.fromEntries(statuses));
    expect(rejected.length).toBeGreaterThan(RUNS / 2);
    const leaked = await server.store.query<{ n: string }>(
      'SELECT count() AS n FROM {db:Identifier}.events WHERE session_id IN {ids:Array(String)}',
      { ids: rejected },
    );
    expect(Number(leaked[0]?.n)).toBe(0);
    const stored = await server.store.query<{ session_id: string; n: string }>(
      `SELECT session_id, count() AS n FROM {db:Identifier}.events FINAL
       WHERE session_id IN {ids:Array(String)} GROUP BY session_id`,
      { ids: accepted.map((item) => item.session) },
    );
    const counts = new Map(stored.map((row) => [row.session_id, Number(row.n)]));
    for (const item of accepted) expect(counts.get(item.session), item.session).toBe(item.events);
  });
});
