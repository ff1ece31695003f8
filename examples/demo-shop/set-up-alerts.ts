import type { RunningServer } from '@snag/server';
import type { AlertCatchers } from './alert-catchers.js';

const MAILBOX = 'pm@northwind.example';

async function api<T>(snag: RunningServer, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${snag.url}/api/v1/projects/default${path}`, {
    method,
    headers: { Authorization: `Bearer ${snag.credentials.adminToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * What an admin would set up on the Alerts screen: the demo's webhook receiver and mailbox as
 * channels, a rule for regressions after a release, and the weekly digest due today; then one
 * evaluation, as the server's timer would run it, sends the alert(s) and the digest.
 */
export async function setUpAlerts(snag: RunningServer, catchers: AlertCatchers): Promise<number> {
  const webhook = await api<{ id: string }>(snag, 'POST', '/alerts/channels', {
    type: 'webhook',
    name: 'Demo webhook receiver',
    url: catchers.webhookUrl,
  });
  const email = await api<{ id: string }>(snag, 'POST', '/alerts/channels', {
    type: 'email',
    name: 'Product team',
    addresses: [MAILBOX],
  });
  const channelIds = [webhook.id, email.id];
  await api(snag, 'POST', '/alerts/rules', {
    name: 'Regressions after a release',
    condition: { kind: 'release_regression' },
    channel_ids: channelIds,
  });
  await api(snag, 'PUT', '/alerts/digest', {
    enabled: true,
    channel_ids: channelIds,
    weekday: new Date().getUTCDay(),
    hour: 0,
  });
  const sent = await snag.evaluateAlerts();
  return sent.length * channelIds.length;
}
