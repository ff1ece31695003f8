import type { WebhookFormat } from '@snag/protocol';

interface ChannelBase {
  projectId: string;
  id: string;
  name: string;
  /** Unix ms. */
  createdAt: number;
  updatedAt: number;
}

export interface WebhookChannel extends ChannelBase {
  type: 'webhook';
  url: string;
  format: WebhookFormat;
  /** The HMAC-SHA256 key every request to this webhook is signed with. */
  secret: string;
}

export interface EmailChannel extends ChannelBase {
  type: 'email';
  addresses: string[];
}

/** One place a project's alerts go. */
export type Channel = WebhookChannel | EmailChannel;
