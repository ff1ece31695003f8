import type { NewChannel } from './alerts-api';

/** What the form holds before it is a channel. */
export interface ChannelDraft {
  type: 'webhook' | 'email';
  name: string;
  url: string;
  format: 'json' | 'slack';
  addresses: string;
}

export const EMPTY_DRAFT: ChannelDraft = { type: 'webhook', name: '', url: '', format: 'json', addresses: '' };

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The draft as the API's body, or the field and message to show. The server checks the
 * same rules (and answers 400 with the field's path); checking here saves a round trip.
 */
export function parseDraft(
  draft: ChannelDraft,
): { channel: NewChannel } | { field: 'url' | 'addresses'; message: string } {
  const name = draft.name.trim() || undefined;
  if (draft.type === 'webhook') {
    const problem = urlProblem(draft.url.trim());
    if (problem) return { field: 'url', message: problem };
    return { channel: { type: 'webhook', name, url: draft.url.trim(), format: draft.format } };
  }
  const addresses = draft.addresses
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter(Boolean);
  if (addresses.length === 0) return { field: 'addresses', message: 'Enter at least one email address.' };
  const bad = addresses.find((address) => !ADDRESS.test(address));
  if (bad) return { field: 'addresses', message: `"${bad}" is not an email address.` };
  return { channel: { type: 'email', name, addresses } };
}

function urlProblem(value: string): string | undefined {
  if (!value) return 'Enter the URL the receiver listens on.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full URL such as https://hooks.example.com/snag.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https:// or http://.';
  if (url.username || url.password) {
    return 'Leave the user name and password out of the URL: receivers check the signature instead.';
  }
  return undefined;
}
