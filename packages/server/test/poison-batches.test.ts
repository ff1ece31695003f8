import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Batch, SnagEvent } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { spoolCommand } from '../src/commands/spool.js';
import type { Config } from '../src/config.js';
import { enrichBatch } from '../src/ingest/enrich.js';
import { EMPTY_ALLOW_LIST } from '../src/net/allow-list.js';
import { createMetrics } from '../src/observability/metrics.js';
import { createProject } from '../src/projects/create-project.js';
import type { Store } from '../src/store/client.js';
import { DeadLetters, listDeadLetters } from '../src/store/dead-letters.js';
import { Spool } from '../src/store/spool.js';
import { BatchingWriter } from '../src/store/writer.js';
import { makeBatch, makeReplayEvent } from './helpers/batches.js';
import { flakyStore } from './helpers/flaky-store.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

/**
 * Finding 1 of Trust II: one batch whose rows the engine refuses ("Too many partitions
 * for single INSERT block") used to be spooled and retried forever, with every later
 * batch of every project queued behind it. Now the refused rows are set apart as a dead
 * letter, everything else is stored at once, and an operator can re-drive the letter.
 */

let server: TestServer;
let other: { id: string; key: string };
beforeAll(async () => {
  server = await createTestServer();
  other = await createProject(server.store, 'Other shop');
});
afterAll(async () => {
  await server?.close();
});

/**
 * 30 page views, one in each of the last 30 months: one insert block over 30 partitions.
 * The finding's exact batch (150 months from 2020 on) now gets a 400 for its times in the
 * future (see ingest-times-and-depth); the engine's limit of 100 partitions per insert is
 * still reachable by a long-retention store, so the store here lowers it to 20.
 */
function poisonBatch(): Batch {
  const sessionId = `poison-${randomUUID()}`;
  const now = new Date();
  const events: SnagEvent[] = Array.from({ length: 30 }, (_, i) => ({
    id: randomUUID(),
    t: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 15),
    type: 'page',
    page_id: `page-${i}`,
    url: 'https://shop.example/archive',
    navigation: 'navigate',
    viewport: { width: 1280, height: 800 },
  }));
  return {
    v: 1,
    sdk: { name: 'curl', version: '1' },
    sent_at: Date.now(),
    session: { id: sessionId, anonymous_id: 'anon-poison' },
    events,
  };
}

async function storedEvents(sessionIds: string[]): Promise<number> {
  const rows = await server.store.query<{ n: string }>(
    'SELECT count() AS n FROM {db:Identifier}.events FINAL WHERE session_id IN {ids:Array(String)}',
    { ids: sessionIds },
  );
  return Number(rows[0]?.n);
}

/** The real store with at most 20 partitions per insert block (ClickHouse's default is 100). */
function strictStore(store: Store) {
  return flakyStore(store, {
    down: false,
    insert: async (table, body) => {
      const result = await store.client.exec({
        query: `INSERT INTO ${store.database}.${table} FORMAT JSONEachRow`,
        values: Readable.from([Buffer.from(body)]),
        clickhouse_settings: { async_insert: 0, max_partitions_per_insert_block: '20' },
      });
      result.stream.resume();
    },
  });
}

function configFor(root: string, spoolMaxBytes = 64 * 1024 * 1024): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    store: server.store.config,
    spool: { dir: path.join(root, 'spool'), maxBytes: spoolMaxBytes, deadLetterDir: path.join(root, 'dead-letters') },
    disk: { dir: root, minFreeBytes: 0 },
    rateLimits: { keyEventsPerSecond: 0, ipRequestsPerSecond: 0 },
    scrub: true,
    logLevel: 'silent',
    trustProxy: 0,
    alertsIntervalMs: 300_000,
    outbound: { allow: EMPTY_ALLOW_LIST },
    assets: { maxProjectBytes: 0 },
  };
}

function setup(name: string, spoolMaxBytes?: number) {
  const root = path.join(server.dataDir, name);
  const config = configFor(root, spoolMaxBytes);
  const { flaky, state } = strictStore(server.store);
  let metrics: ReturnType<typeof createMetrics> | undefined;
  const deadLetters = new DeadLetters(config.spool.deadLetterDir, undefined, (letter) =>
    metrics?.deadLetters.inc({ source: letter.source }),
  );
  const spool = new Spool(config.spool.dir, config.spool.maxBytes, flaky, undefined, deadLetters);
  const writer = new BatchingWriter(flaky, { flushIntervalMs: 5 }, spool);
  metrics = createMetrics({ pendingRows: () => writer.stats().pendingRows, spool: () => spool.stats() });
  const app = createApp({ store: flaky, writer, spool, adminToken: ADMIN_TOKEN, metrics });
  const close = async () => {
    await writer.close();
    await spool.close();
  };
  return { root, config, state, spool, writer, app, close };
}

describe('a batch the engine refuses', () => {
  it('is set apart as a dead letter while every other batch of every project is stored at once', async () => {
    const { config, spool, writer, app, close } = setup('poison-live');
    const poison = poisonBatch();
    const ordinary = Array.from({ length: 10 }, () => makeBatch());
    const send = (batch: Batch, key: string) => request(app).post('/v1/ingest').set('X-Snag-Key', key).send(batch);
    const answers = await Promise.all([
      send(poison, PUBLIC_KEY),
      ...ordinary.map((batch, i) => send(batch, i % 2 === 0 ? PUBLIC_KEY : other.key)),
    ]);
    expect(
      answers.map((answer) => answer.status),
      JSON.stringify(answers[0]?.body),
    ).toEqual(Array(11).fill(202));

    // Readable as soon as acknowledged: nothing waits behind the poison batch.
    expect(await storedEvents(ordinary.map((batch) => batch.session.id))).toBe(10 * 6);
    expect(spool.stats().files).toBe(0);
    expect(await storedEvents([poison.session.id])).toBe(0);

    const letters = listDeadLetters(config.spool.deadLetterDir);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ table: 'events', rows: 30, source: 'ingest', projects: ['default'] });
    expect(letters[0]?.error.type).toBe('TOO_MANY_PARTS');
    expect(writer.stats().deadLetters).toBe(1);

    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.spool.deadLetters).toMatchObject({ letters: 1, rows: 30 });
    const metrics = await request(app).get('/metrics').set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(metrics.text).toMatch(/snag_dead_letters_total\{source="ingest"\} 1/);
    expect(metrics.text).toMatch(/snag_dead_letter_rows 30/);

    // Batches after it still go straight in.
    const later = makeBatch();
    await send(later, other.key).expect(202);
    expect(await storedEvents([later.session.id])).toBe(6);

    // The operator sees why, and re-drives it: the spool splits it until every part goes in.
    const lines: string[] = [];
    expect(await spoolCommand(config, ['status'], (line) => lines.push(line))).toBe(0);
    expect(lines.join('\n')).toMatch(/dead letters: 1 \(30 rows\)/);
    expect(lines.join('\n')).toMatch(/TOO_MANY_PARTS: Too many partitions for single INSERT block/);
    expect(await spoolCommand(config, ['retry', '--all'], () => undefined)).toBe(0);
    expect(listDeadLetters(config.spool.deadLetterDir)).toHaveLength(0);
    await vi.waitFor(async () => expect(await storedEvents([poison.session.id])).toBe(30), {
      timeout: 20_000,
      interval: 250,
    });
    await spool.drained();
    expect(spool.stats()).toMatchObject({ files: 0, lastError: null });
    expect(listDeadLetters(config.spool.deadLetterDir)).toHaveLength(0);
    await close();
  });

  it('answers 422 naming the refusal when there is no dead-letter folder, and stores the other batches', async () => {
    const { flaky } = strictStore(server.store);
    const writer = new BatchingWriter(flaky, { flushIntervalMs: 20 });
    const app = createApp({ store: flaky, writer, adminToken: ADMIN_TOKEN });
    const poison = poisonBatch();
    const ordinary = makeBatch();
    const [refused, accepted] = await Promise.all([
      request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(poison),
      request(app).post('/v1/ingest').set('X-Snag-Key', other.key).send(ordinary),
    ]);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'rejected_by_store' });
    expect(refused.body.message).toMatch(/Too many partitions/);
    expect(accepted.status).toBe(202);
    expect(await storedEvents([ordinary.session.id])).toBe(6);
    await writer.close();
  });
});

describe('batches that pass validation but once reached the engine broken', () => {
  it('stores text cut in the middle of an emoji, with U+FFFD for the lone half, instead of a dead letter', async () => {
    const { config, app, close } = setup('poison-surrogate');
    const batch = makeBatch();
    const text = `${'Buy now '.repeat(7)}\u{1F6D2}`.slice(0, 57);
    expect(text.at(-1)).toBe('\ud83d');
    for (const event of batch.events) if (event.type === 'click') event.element.text = text;
    await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    expect(listDeadLetters(config.spool.deadLetterDir)).toEqual([]);
    const rows = await server.store.query<{ element_text: string }>(
      `SELECT element_text FROM {db:Identifier}.events FINAL
       WHERE session_id = {session:String} AND type = 'click'`,
      { session: batch.session.id },
    );
    expect(rows.map((row) => row.element_text)).toEqual([`${text.slice(0, -1)}\ufffd`, `${text.slice(0, -1)}\ufffd`]);
    await close();
  });

  it('refuses an rrweb timestamp outside 1970–2100 with a 400 naming it', async () => {
    const batch = makeBatch();
    const replay = makeReplayEvent({ rrweb: [{ type: 3, timestamp: 1e21, data: {} }] });
    const res = await request(server.app)
      .post('/v1/ingest')
      .set('X-Snag-Key', PUBLIC_KEY)
      .send({ ...batch, events: [replay] })
      .expect(400);
    expect(res.body.path).toBe('events.0.events.0.timestamp');
  });
});

describe('a spooled file the engine refuses', () => {
  it('no longer holds back the spool across a restart: good rows go in, the refused row becomes a dead letter', async () => {
    const root = path.join(server.dataDir, 'poison-spool');
    const config = configFor(root);
    mkdirSync(config.spool.dir, { recursive: true });
    const batches = [makeBatch(), makeBatch(), makeBatch()];
    const lines = await Promise.all(
      batches.map(async (batch) => {
        const rows = await enrichBatch(batch, {
          projectId: 'default',
          receivedAt: Date.now(),
          userAgent: undefined,
          scrub: true,
          retentionDays: 3650,
        });
        return rows.events.map((row) => JSON.stringify(row));
      }),
    );
    // What a server left on disk: the middle file holds one row no insert can take.
    const garbage = JSON.stringify({ project_id: 'default', session_id: 'broken', time: 'not a time' });
    writeFileSync(path.join(config.spool.dir, '000000000001.events.jsonl'), `${lines[0]?.join('\n')}\n`);
    writeFileSync(
      path.join(config.spool.dir, '000000000002.events.jsonl'),
      `${[...(lines[1] ?? []), garbage].join('\n')}\n`,
    );
    writeFileSync(path.join(config.spool.dir, '000000000003.events.jsonl'), `${lines[2]?.join('\n')}\n`);

    const spool = new Spool(config.spool.dir, config.spool.maxBytes, server.store);
    await spool.drained();
    expect(await storedEvents(batches.map((batch) => batch.session.id))).toBe(3 * 6);
    expect(readdirSync(config.spool.dir)).toEqual([]);
    const letters = listDeadLetters(config.spool.deadLetterDir);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ table: 'events', rows: 1, source: 'spool' });
    expect(letters[0]?.error.type).toBe('CANNOT_PARSE_DATETIME');

    const out: string[] = [];
    expect(await spoolCommand(config, ['drop', letters[0]?.id ?? ''], (line) => out.push(line))).toBe(0);
    expect(out.join('\n')).toMatch(/1 dead letter\(s\) deleted \(1 rows\)/);
    expect(listDeadLetters(config.spool.deadLetterDir)).toHaveLength(0);
    expect(await spoolCommand(config, ['drop', 'nope'], () => undefined)).toBe(1);
    await spool.close();
  });
});

describe('/readyz', () => {
  it('answers 503 with the reason when the spool is stuck or filling up', async () => {
    const { state, spool, app, close } = setup('poison-ready', 8_000);
    state.down = true;
    await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(makeBatch()).expect(202);
    await vi.waitFor(() => expect(spool.stats().lastError).not.toBeNull(), { timeout: 5_000 });

    const filling = await request(app).get('/readyz');
    expect(filling.status).toBe(503);
    expect(filling.body.reasons).toEqual(['spool_filling']);
    expect(filling.body.spool.lastError.message).toMatch(/ECONNREFUSED/);

    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    const stuck = await request(app).get('/readyz');
    clock.mockRestore();
    expect(stuck.status).toBe(503);
    expect(stuck.body.reasons).toEqual(['spool_stuck', 'spool_filling']);

    state.down = false;
    await spool.drained();
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.reasons).toEqual([]);
    await close();
  });
});
