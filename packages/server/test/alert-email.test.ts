import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertDelivery } from '../src/alerts/delivery/alert-delivery.js';
import { enqueueAlert } from '../src/alerts/delivery/enqueue-alert.js';
import { createApp } from '../src/app.js';
import { type SmtpReceiver, startSmtpReceiver } from './helpers/alert-receivers.js';
import { ADMIN_TOKEN, createTestServer, type TestServer } from './helpers/test-store.js';

/** Issue 18, email: alerts go over SMTP with a text and an HTML part, to every address of the channel. */

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const CHANNELS = '/api/v1/projects/default/alerts/channels';
let server: TestServer;
let smtp: SmtpReceiver;
let delivery: AlertDelivery;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  server = await createTestServer();
  smtp = await startSmtpReceiver();
  delivery = new AlertDelivery({
    store: server.store,
    smtp: { url: smtp.url, from: 'Snag <alerts@snag.example>' },
    options: { maxAttempts: 2, backoff: { baseMs: 10, maxMs: 10, jitter: 0 } },
  });
  app = createApp({ store: server.store, writer: server.writer, adminToken: ADMIN_TOKEN, alerts: delivery });
});
afterAll(async () => {
  await delivery?.close();
  await smtp?.close();
  await server?.close();
});

describe('email channels', () => {
  it('deliver an alert with its text and HTML parts to every address', async () => {
    const made = await request(app)
      .post(CHANNELS)
      .set(admin)
      .send({ type: 'email', name: 'Product', addresses: ['pm@example.com', 'lead@example.com'] })
      .expect(201);
    const id = await enqueueAlert(delivery, {
      project: 'default',
      kind: 'alert',
      title: 'Postal code (text field) got worse',
      text: 'Sessions with struggle on Postal code rose to 41 today.\n\nIt started with release 1.5.0.',
      html: '<p>Sessions with struggle on <b>Postal code</b> rose to 41 today.</p>',
      channelIds: [made.body.id],
    });
    const { envelopeTo, mail } = await smtp.message(1);
    expect(envelopeTo.sort()).toEqual(['lead@example.com', 'pm@example.com']);
    expect(mail.subject).toBe('Postal code (text field) got worse');
    expect(mail.from?.value).toEqual([{ name: 'Snag', address: 'alerts@snag.example' }]);
    expect(mail.headers.get('x-snag-alert')).toBe(id);
    expect(mail.text?.trim()).toBe(
      'Sessions with struggle on Postal code rose to 41 today.\n\nIt started with release 1.5.0.',
    );
    expect(mail.html).toContain('<p>Sessions with struggle on <b>Postal code</b> rose to 41 today.</p>');

    await delivery.whenIdle();
    const history = await request(app).get('/api/v1/projects/default/alerts/history').set(admin).expect(200);
    const entry = history.body.alerts.find((alert: { id: string }) => alert.id === id);
    expect(entry.deliveries).toEqual([
      expect.objectContaining({ channel_type: 'email', channel_name: 'Product', status: 'sent', attempts: 1 }),
    ]);
  });

  it('"send test" sends an email whose HTML part is the escaped text when none is given', async () => {
    const made = await request(app)
      .post(CHANNELS)
      .set(admin)
      .send({ type: 'email', name: 'Ops <team>', addresses: ['ops@example.com'] })
      .expect(201);
    const res = await request(app).post(`${CHANNELS}/${made.body.id}/test`).set(admin).expect(200);
    expect(res.body.delivery).toMatchObject({ status: 'sent', attempts: 1, channel_type: 'email' });
    const { envelopeTo, mail } = await smtp.message(2);
    expect(envelopeTo).toEqual(['ops@example.com']);
    expect(mail.subject).toBe('Test alert from Snag: Ops <team>');
    expect(mail.text).toContain('This is a test of the "Ops <team>" channel of project default.');
    expect(mail.html).toContain('This is a test of the &quot;Ops &lt;team&gt;&quot; channel of project default.');
  });

  it('a title carrying line breaks (recorded text) stays one subject line and adds no header', async () => {
    const made = await request(app)
      .post(CHANNELS)
      .set(admin)
      .send({ type: 'email', addresses: ['pm@example.com'] });
    await enqueueAlert(delivery, {
      project: 'default',
      kind: 'alert',
      title: 'Pay now\r\nBcc: intruder@example.com',
      text: 'x',
      channelIds: [made.body.id],
    });
    const { envelopeTo, mail } = await smtp.message(3);
    expect(envelopeTo).toEqual(['pm@example.com']);
    expect(mail.subject).toBe('Pay now Bcc: intruder@example.com');
    expect(mail.bcc).toBeUndefined();
  });

  it('an SMTP server that is gone fails the delivery with the reason', async () => {
    const gone = await startSmtpReceiver();
    await gone.close();
    const broken = new AlertDelivery({
      store: server.store,
      smtp: { url: gone.url, from: 'alerts@snag.example' },
      options: { maxAttempts: 2, backoff: { baseMs: 10, maxMs: 10, jitter: 0 } },
    });
    const channel = (
      await request(app)
        .post(CHANNELS)
        .set(admin)
        .send({ type: 'email', addresses: ['x@example.com'] })
        .expect(201)
    ).body;
    const id = await enqueueAlert(broken, {
      project: 'default',
      kind: 'digest',
      title: 'Digest',
      text: 'x',
      channelIds: [channel.id],
    });
    await broken.whenIdle();
    await broken.close();
    const history = await request(app).get('/api/v1/projects/default/alerts/history').set(admin).expect(200);
    const entry = history.body.alerts.find((alert: { id: string }) => alert.id === id);
    expect(entry.deliveries[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expect(entry.deliveries[0].last_error).toMatch(/ECONNREFUSED/);
  });
});
