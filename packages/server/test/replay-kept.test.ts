import { randomUUID } from 'node:crypto';
import { type SnagEvent, sessionDocumentSchema, sessionsResponseSchema } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBatch, makeReplayEvent, uniqueId } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

/**
 * Issue 14 part 2 on the server: the session list and the session say how each replay was kept,
 * from the SDK's `$snag_replay_kept` notice (on-struggle: trigger, pre-roll start and length,
 * clock-corrected like the session), from its replay chunks (always), or not at all (no replay).
 */

const PROJECT = '/api/v1/projects/default';
let server: TestServer;
const get = (url: string) => request(server.app).get(url).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
const ingest = (batch: object) =>
  request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch).expect(202);

const start = Date.now() - 10 * 60_000;
const sessions = { onStruggle: uniqueId('kept'), always: uniqueId('always'), none: uniqueId('none') };
/** The browser's clock runs 5 s behind the server's. */
const SKEW_MS = 5_000;

beforeAll(async () => {
  server = await createTestServer();
  const trigger = start + 95_000;
  const preroll = start + 20_000;
  const notice: SnagEvent = {
    id: randomUUID(),
    t: trigger + 50,
    type: 'custom',
    page_id: 'p1',
    url: 'https://shop.example/orders/8812',
    name: '$snag_replay_kept',
    props: {
      mode: 'on-struggle',
      trigger: 'rage_click',
      trigger_t: trigger,
      preroll_start_t: preroll,
      buffer_ms: 60_000,
      trimmed: false,
      buffer_peak_bytes: 48_000,
    },
  };
  const replay = (t: number) => makeReplayEvent({ t, rrweb: [{ type: 2, timestamp: t, data: { node: { id: 1 } } }] });
  await ingest(
    makeBatch({ sessionId: sessions.onStruggle, t: start, sentAt: trigger + 1_000 - SKEW_MS }, [
      replay(preroll),
      notice,
    ]),
  );
  await ingest(makeBatch({ sessionId: sessions.always, t: start + 1_000 }, [replay(start + 1_500)]));
  await ingest(makeBatch({ sessionId: sessions.none, t: start + 2_000 }));
}, 120_000);

afterAll(() => server?.close());

describe('how a replay was kept', () => {
  it('lists each session with its replay mode, trigger and pre-roll', async () => {
    const body = sessionsResponseSchema.parse((await get(`${PROJECT}/sessions?sort=recent`).expect(200)).body);
    const byId = new Map(body.sessions.map((session) => [session.id, session.replay_kept]));
    expect(byId.get(sessions.always)).toEqual({ mode: 'always' });
    expect(byId.get(sessions.none)).toBeNull();
    const kept = byId.get(sessions.onStruggle);
    expect(kept).toMatchObject({ mode: 'on-struggle', trigger: 'rage_click', preroll_ms: 75_000, buffer_ms: 60_000 });
    if (kept?.mode !== 'on-struggle') throw new Error('not on-struggle');
    // Corrected by the notice's own clock offset, like every time of the session.
    const listed = body.sessions.find((session) => session.id === sessions.onStruggle);
    const startMs = Date.parse(listed?.start ?? '');
    expect(Date.parse(kept.preroll_start) - startMs).toBe(20_000);
    expect(Date.parse(kept.trigger_time) - startMs).toBe(95_000);
  });

  it('says it in the session document too', async () => {
    const body = sessionDocumentSchema.parse(
      (await get(`${PROJECT}/sessions/${sessions.onStruggle}`).expect(200)).body,
    );
    expect(body.session.replay_kept).toMatchObject({ mode: 'on-struggle', trigger: 'rage_click', trimmed: false });
    const none = sessionDocumentSchema.parse((await get(`${PROJECT}/sessions/${sessions.none}`).expect(200)).body);
    expect(none.session.replay_kept).toBeNull();
  });
});
