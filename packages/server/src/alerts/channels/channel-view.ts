import type { AlertChannel } from '@snag/protocol';
import type { Channel } from './channel.js';

/**
 * A channel as the API shows it. Only admins see a webhook's full URL and its secret:
 * others get the URL's origin (a Slack webhook URL is itself a credential) and no secret.
 */
export function describeChannel(channel: Channel, admin: boolean): AlertChannel {
  const base = {
    id: channel.id,
    name: channel.name,
    created_at: new Date(channel.createdAt).toISOString(),
    updated_at: new Date(channel.updatedAt).toISOString(),
  };
  if (channel.type === 'email') return { ...base, type: 'email', addresses: channel.addresses };
  return {
    ...base,
    type: 'webhook',
    url: admin ? channel.url : redactUrl(channel.url),
    format: channel.format,
    secret: admin ? channel.secret : null,
  };
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname === '/' && !parsed.search ? parsed.origin : `${parsed.origin}/…`;
}

/** The name a new channel gets when none is given: its host, or its first address. */
export function defaultChannelName(channel: { type: 'webhook'; url: string } | { type: 'email'; addresses: string[] }) {
  if (channel.type === 'webhook') return new URL(channel.url).host;
  const [first = 'email', ...rest] = channel.addresses;
  return rest.length > 0 ? `${first} and ${rest.length} more` : first;
}
