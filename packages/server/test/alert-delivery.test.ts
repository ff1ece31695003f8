import { createHmac, timingSafeEqual } from 'node:crypto';
import { type AlertHistoryEntry, alertHistoryResponseSchema, alertTestResultSchema } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertDelivery, type AlertDeliveryOptions } from '../src/alerts/delivery/alert-delivery.js';
import { enqueueAlert } from '../src/alerts/delivery/enqueue-alert.js';
import { createApp } from '../src/app.js';
import { createMetrics } from '../src/observability/metrics.js';
import { type Answer, type ReceivedRequest, startHttpReceiver } from './helpers/alert-receivers.js';
import { makeBatch } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

/**
 * Issue 18, delivery: signed webhooks through a queue of their own, retried with backoff,
 * every outcome in the history and in /metrics; a receiver that hangs never holds up ingest.
 */

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const PROJECT = '/api/v1/projects/default';
/** Short waits so retries happen within the test; the schedule's shape is the production one. */
const FAST: Partial<AlertDeliveryOptions> = {
  maxAttempts: 3,
  backoff: { baseMs: 20, maxMs: 200, jitter: 0 },
  attemptTimeoutMs: 30_000,
};
let server: TestServer;
let delivery: AlertDelivery;
let app: ReturnType<typeof createApp>;
let metrics: ReturnType<typeof createMetrics>;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  server = await createTestServer();
  metrics = createMetrics({ pendingRows: () => 0, spool: () => undefined, alerts: () => delivery.stats() });
  delivery = new AlertDelivery({
    store: server.store,
    options: FAST,
    onOutcome: (channelType, outcome) => metrics.alertDeliveries.inc({ channel_type: channelType, outcome }),
  });
  app = createApp({ store: server.store, writer: server.writer, adminToken: ADMIN_TOKEN, alerts: delivery, metrics });
});
afterAll(async () => {
  await delivery?.close();
  for (const close of closers) await close();
  await server?.close();
});

async function receiver(answer: (request: ReceivedRequest, n: number) => Answer) {
  const started = await startHttpReceiver(answer);
  closers.push(() => started.close());
  return started;
}

async function webhook(url: string, format = 'json') {
  const res = await request(app).post(`${PROJECT}/alerts/channels`).set(admin).send({ type: 'webhook', url, format });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string; name: string };
}

async function historyOf(alertId: string): Promise<AlertHistoryEntry> {
  const res = await request(app).get(`${PROJECT}/alerts/history?limit=200`).set(admin).expect(200);
  const entry = alertHistoryResponseSchema.parse(res.body).alerts.find((alert) => alert.id === alertId);
  if (!entry) throw new Error(`alert ${alertId} is not in the history`);
  return entry;
}

/** What a receiver does with the documented headers: recompute the HMAC over "<timestamp>.<body>". */
function verify(secret: string, request: ReceivedRequest): boolean {
  const timestamp = String(request.headers['x-snag-timestamp']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
  const given = String(request.headers['x-snag-signature']);
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const alert = (channelIds: string[], title = 'Pay now (button) got worse') =>
  enqueueAlert(delivery, {
    project: 'default',
    kind: 'alert',
    title,
    text: '23 presses on Pay now by 6 of 9 visitors of /checkout changed nothing.',
    payload: { hotspot: 'hs_1', sessions: 6 },
    channelIds,
  });

describe('webhooks', () => {
  it('are signed with the channel secret; the receiver verifies the body it got', async () => {
    let secret = '';
    const hook = await receiver((req) => (verify(secret, req) ? 204 : 401));
    const channel = await webhook(hook.url);
    secret = channel.secret;
    const id = await alert([channel.id]);
    await delivery.whenIdle();

    const received = hook.requests[0] as ReceivedRequest;
    expect(verify(channel.secret, received)).toBe(true);
    expect(verify('whsec_someone_else', received)).toBe(false);
    expect(received.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received.body)).toMatchObject({
      id,
      project: 'default',
      kind: 'alert',
      title: 'Pay now (button) got worse',
      text: '23 presses on Pay now by 6 of 9 visitors of /checkout changed nothing.',
      payload: { hotspot: 'hs_1', sessions: 6 },
    });
    const entry = await historyOf(id);
    expect(entry.deliveries).toEqual([
      expect.objectContaining({ channel_id: channel.id, status: 'sent', attempts: 1, last_error: null }),
    ]);
  });

  it('in Slack format send only Slack’s { text }, title in bold, markup escaped', async () => {
    const hook = await receiver(() => 200);
    const channel = await webhook(hook.url, 'slack');
    await alert([channel.id], 'Total <b> & more');
    await delivery.whenIdle();
    expect(JSON.parse((hook.requests[0] as ReceivedRequest).body)).toEqual({
      text: '*Total &lt;b&gt; &amp; more*\n23 presses on Pay now by 6 of 9 visitors of /checkout changed nothing.',
    });
  });

  it('are retried with backoff: a receiver failing twice then answering gets the alert on the third attempt', async () => {
    const hook = await receiver((_req, n) => (n <= 2 ? 503 : 200));
    const channel = await webhook(hook.url);
    const id = await alert([channel.id]);
    await delivery.whenIdle();
    expect(hook.requests).toHaveLength(3);
    // The same alert each time, each request signed afresh.
    expect(new Set(hook.requests.map((req) => JSON.parse(req.body).id))).toEqual(new Set([id]));
    expect(hook.requests.every((req) => verify(channel.secret, req))).toBe(true);
    const [entry] = (await historyOf(id)).deliveries;
    expect(entry).toMatchObject({ status: 'sent', attempts: 3, last_error: 'the receiver answered HTTP 503' });
    expect(entry?.sent_at).not.toBeNull();
  });

  it('that keep failing end as failed, with the error, in the history and in /metrics', async () => {
    const down = await receiver(() => 500);
    await down.close();
    const channel = await webhook(down.url);
    const id = await alert([channel.id, 'ach_deleted_or_never']);
    await delivery.whenIdle();
    const { deliveries } = await historyOf(id);
    expect(deliveries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel_id: channel.id, status: 'failed', attempts: 3 }),
        expect.objectContaining({ channel_id: 'ach_deleted_or_never', status: 'failed', attempts: 0 }),
      ]),
    );
    const failed = deliveries.find((d) => d.channel_id === channel.id);
    expect(failed?.last_error).toMatch(/ECONNREFUSED/);
    expect(deliveries.find((d) => d.channel_id === 'ach_deleted_or_never')?.last_error).toBe(
      'no such channel in the project',
    );

    const text = (await request(app).get('/metrics').set(admin).expect(200)).text;
    expect(text).toMatch(/snag_alert_deliveries_total\{channel_type="webhook",outcome="failed"\} [1-9]/);
    expect(text).toMatch(/snag_alert_deliveries_total\{channel_type="webhook",outcome="retry"\} [1-9]/);
    expect(text).toMatch(/snag_alert_deliveries_total\{channel_type="webhook",outcome="sent"\} [1-9]/);
    expect(text).toContain('snag_alert_queue_length 0');
  });
});

describe('a receiver that never answers', () => {
  it('does not hold up ingest or reports while its delivery is pending', async () => {
    const hang = await receiver(() => 'hang');
    const channel = await webhook(hang.url);
    const id = await alert([channel.id]);
    await hang.request(1); // the attempt is under way, and will not get an answer

    await request(app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(makeBatch()).expect(202);
    await request(app).get(`${PROJECT}/report`).set(admin).expect(200);

    const [entry] = (await historyOf(id)).deliveries;
    expect(entry).toMatchObject({ status: 'pending', attempts: 0 });
    const text = (await request(app).get('/metrics').set(admin).expect(200)).text;
    expect(text).toContain('snag_alert_queue_length 1');
    await hang.close(); // the connection drops: the attempt fails and is retried elsewhere in time
  });

  it('is given up on after the attempt timeout, and the history says so', async () => {
    const hang = await receiver(() => 'hang');
    const channel = await webhook(hang.url);
    const impatient = new AlertDelivery({
      store: server.store,
      options: { ...FAST, maxAttempts: 2, attemptTimeoutMs: 100 },
    });
    const id = await enqueueAlert(impatient, {
      project: 'default',
      kind: 'alert',
      title: 'T',
      text: 'x',
      channelIds: [channel.id],
    });
    await impatient.whenIdle();
    await impatient.close();
    expect(hang.requests).toHaveLength(2);
    expect((await historyOf(id)).deliveries[0]).toMatchObject({
      status: 'failed',
      attempts: 2,
      last_error: 'no answer within 0.1 s',
    });
  });
});

describe('send test', () => {
  it('makes one attempt, answers its result and records it in the history', async () => {
    const hook = await receiver(() => 200);
    const channel = await webhook(hook.url);
    const ok = await request(app).post(`${PROJECT}/alerts/channels/${channel.id}/test`).set(admin).expect(200);
    const result = alertTestResultSchema.parse(ok.body);
    expect(result.delivery).toMatchObject({
      status: 'sent',
      attempts: 1,
      channel_name: `127.0.0.1:${new URL(hook.url).port}`,
    });
    expect(JSON.parse((hook.requests[0] as ReceivedRequest).body)).toMatchObject({ kind: 'test', id: result.alert_id });
    expect((await historyOf(result.alert_id)).kind).toBe('test');

    const refusing = await receiver(() => 404);
    const broken = await webhook(refusing.url);
    const failed = await request(app).post(`${PROJECT}/alerts/channels/${broken.id}/test`).set(admin).expect(200);
    expect(failed.body.delivery).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'the receiver answered HTTP 404',
    });
    expect(refusing.requests).toHaveLength(1);
  });
});

describe('a restart', () => {
  it('delivers what was pending: the next server reads the pending rows again', async () => {
    const hook = await receiver(() => 200);
    const channel = await webhook(hook.url);
    // A server that stops right after recording the alert, before any attempt.
    const stopped = new AlertDelivery({ store: server.store, options: FAST });
    await stopped.close();
    const id = await enqueueAlert(stopped, {
      project: 'default',
      kind: 'digest',
      title: 'Weekly digest',
      text: 'Top hotspots',
      channelIds: [channel.id],
    });
    expect(hook.requests).toHaveLength(0);
    expect((await historyOf(id)).deliveries[0]).toMatchObject({ status: 'pending', attempts: 0 });

    const next = new AlertDelivery({ store: server.store, options: FAST });
    expect(await next.resume()).toBeGreaterThanOrEqual(1);
    const received = await hook.request(1);
    await next.whenIdle();
    await next.close();
    expect(JSON.parse(received.body)).toMatchObject({ id, kind: 'digest', title: 'Weekly digest' });
    expect((await historyOf(id)).deliveries[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

describe('the history', () => {
  it('lists alerts newest first, in pages that follow each other by cursor', async () => {
    const url = `${PROJECT}/alerts/history`;
    const all = alertHistoryResponseSchema.parse(
      (await request(app).get(`${url}?limit=200`).set(admin).expect(200)).body,
    );
    expect(all.alerts.length).toBeGreaterThanOrEqual(5);
    const times = all.alerts.map((entry) => entry.created_at);
    expect([...times].sort().reverse()).toEqual(times);

    const first = alertHistoryResponseSchema.parse(
      (await request(app).get(`${url}?limit=2`).set(admin).expect(200)).body,
    );
    expect(first.next_cursor).not.toBeNull();
    const second = alertHistoryResponseSchema.parse(
      (await request(app).get(`${url}?limit=2&cursor=${first.next_cursor}`).set(admin).expect(200)).body,
    );
    expect([...first.alerts, ...second.alerts].map((entry) => entry.id)).toEqual(
      all.alerts.slice(0, 4).map((entry) => entry.id),
    );
    const bad = await request(app).get(`${url}?cursor=nonsense`).set(admin).expect(400);
    expect(bad.body.path).toBe('cursor');
  });
});
