import { randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { Spool } from '../src/store/spool.js';
import { BatchingWriter } from '../src/store/writer.js';
import { makeBatch, makeReplayEvent } from './helpers/batches.js';
import { flakyStore } from './helpers/flaky-store.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  await server?.close();
});

const ingest = (batch: object) => request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch);
const session = (id: string) =>
  request(server.app).get(`/api/v1/projects/default/sessions/${id}`).set('Authorization', `Bearer ${ADMIN_TOKEN}`);

describe('DELETE /api/v1/projects/:project/people/:person', () => {
  it('erases every session of a user, including events before they were identified, and their replays', async () => {
    const identified = makeBatch({ userId: 'jane-42' });
    const earlier = makeBatch();
    earlier.session.anonymous_id = 'anon-jane';
    identified.session.anonymous_id = 'anon-jane';
    const t = earlier.events[0]?.t ?? Date.now();
    earlier.events.push(makeReplayEvent({ t, rrweb: [{ type: 4, data: {}, timestamp: t }] }));
    const bystander = makeBatch({ userId: 'someone-else' });
    for (const batch of [identified, earlier, bystander]) await ingest(batch).expect(202);

    const byUser = await request(server.app)
      .delete('/api/v1/projects/default/people/jane-42')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    expect(byUser.body).toEqual({ deleted: { sessions: 1 } });
    await session(identified.session.id).expect(404);
    await session(earlier.session.id).expect(200);

    const byAnonymousId = await request(server.app)
      .delete('/api/v1/projects/default/people/anon-jane')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    expect(byAnonymousId.body).toEqual({ deleted: { sessions: 1 } });
    await session(earlier.session.id).expect(404);
    const gone = [identified.session.id, earlier.session.id];
    for (const table of ['events', 'replay_chunks', 'page_views', 'key_events', 'session_activity', 'session_facts']) {
      const rows = await server.store.query<{ n: string }>(
        'SELECT count() AS n FROM {db:Identifier}.{table:Identifier} WHERE session_id IN {ids:Array(String)}',
        { table, ids: gone },
      );
      expect(Number(rows[0]?.n), `${table} still holds the person's rows`).toBe(0);
    }
    await session(bystander.session.id).expect(200);
  });

  it('needs the admin token and deletes nothing in other projects', async () => {
    await request(server.app).delete('/api/v1/projects/default/people/anyone').expect(401);
    const res = await request(server.app)
      .delete('/api/v1/projects/other-project/people/someone-else')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    expect(res.body).toEqual({ deleted: { sessions: 0 } });
  });
});

describe('erasure and rows not yet in ClickHouse', () => {
  function spooledApp(name: string) {
    const { flaky, state } = flakyStore(server.store);
    const spool = new Spool(path.join(server.dataDir, name), 64 * 1024 * 1024, flaky);
    const writer = new BatchingWriter(flaky, { flushIntervalMs: 5 }, spool);
    const app = createApp({ store: flaky, writer, spool, adminToken: ADMIN_TOKEN });
    return { state, spool, writer, app };
  }

  it('erases rows still in the spool, and drops rows of the erased sessions that arrive later', async () => {
    const { state, spool, writer, app } = spooledApp('erase-spool');
    const mine = makeBatch({ userId: 'spooled-person' });
    const bystander = makeBatch({ userId: 'spooled-bystander' });
    for (const batch of [mine, bystander]) {
      await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);
    }
    expect(spool.stats().files).toBeGreaterThan(0);

    const erased = await request(app)
      .delete('/api/v1/projects/default/people/spooled-person')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    expect(erased.body).toEqual({ deleted: { sessions: 1 } });

    // The tab is still open: its next batch is acknowledged and never stored.
    const late = makeBatch({ sessionId: mine.session.id, userId: 'spooled-person' });
    const answer = await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(late).expect(202);
    expect(answer.body).toEqual({ accepted: 0, dropped: 6, reason: 'session_erased' });

    state.down = false;
    await spool.drained();
    await session(mine.session.id).expect(404);
    await session(bystander.session.id).expect(200);
    const rows = await server.store.query<{ n: string }>(
      'SELECT count() AS n FROM {db:Identifier}.events WHERE session_id = {id:String}',
      { id: mine.session.id },
    );
    expect(Number(rows[0]?.n)).toBe(0);

    // A server started later (another instance, or after a restart) knows the erasure too.
    const fresh = createApp({ store: server.store, writer, adminToken: ADMIN_TOKEN });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await request(fresh).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(late).expect(202);
    expect(again.body.reason).toBe('session_erased');
    await writer.close();
    await spool.close();
  });
});

describe('GET /api/v1/projects/:project/sessions/:session/export', () => {
  it('downloads the session, its events and its whole recording in order', async () => {
    const batch = makeBatch();
    const t = batch.events[0]?.t ?? Date.now();
    const chunk = (seq: number, events: object[]) => ({
      id: randomUUID(),
      t: t + seq,
      type: 'replay' as const,
      page_id: 'p1',
      url: 'https://shop.example/',
      seq,
      full_snapshot: seq === 0,
      encoding: 'json' as const,
      events: events as Array<{ type: number; timestamp: number }>,
    });
    batch.events.push(
      chunk(0, [
        { type: 4, data: { href: 'https://shop.example/' }, timestamp: t },
        { type: 2, data: {}, timestamp: t },
      ]),
      chunk(1, [{ type: 3, data: { source: 2 }, timestamp: t + 1 }]),
    );
    await ingest(batch).expect(202);

    const res = await request(server.app)
      .get(`/api/v1/projects/default/sessions/${batch.session.id}/export`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (part: Buffer) => {
          text += part.toString();
        });
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="snag-session-${batch.session.id}.json"`);
    const exported = JSON.parse(res.body as string);
    expect(exported.session.id).toBe(batch.session.id);
    expect(exported.events).toHaveLength(6);
    expect(exported.signals).toHaveLength(1);
    expect(exported.recording.map((event: { type: number }) => event.type)).toEqual([4, 2, 3]);
  });

  it('404 for a session the project does not have, 401 without the admin token', async () => {
    await request(server.app)
      .get('/api/v1/projects/default/sessions/nobody/export')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(404);
    await request(server.app).get('/api/v1/projects/default/sessions/nobody/export').expect(401);
  });
});
