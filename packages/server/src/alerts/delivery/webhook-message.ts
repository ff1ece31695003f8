import { createHmac } from 'node:crypto';
import type { WebhookFormat } from '@snag/protocol';
import type { AlertMessage } from './alert-message.js';

/** Headers that let a receiver check a request came from Snag (see docs/api.md). */
export const SIGNATURE_HEADER = 'X-Snag-Signature';
export const TIMESTAMP_HEADER = 'X-Snag-Timestamp';

/**
 * A webhook's body. `json`: Snag's fields, whose `text` is also what a Slack incoming
 * webhook shows; `slack`: Slack's own `{ text }`, the title in bold above the text.
 */
export function webhookBody(message: AlertMessage, format: WebhookFormat, sentAt: number): string {
  if (format === 'slack') {
    return JSON.stringify({ text: `*${slackEscape(message.title)}*\n${slackEscape(message.text)}` });
  }
  return JSON.stringify({
    id: message.id,
    project: message.projectId,
    kind: message.kind,
    title: message.title,
    text: message.text,
    payload: message.payload,
    sent_at: new Date(sentAt).toISOString(),
  });
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the timestamp in Unix seconds. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Slack reads `&`, `<` and `>` as markup (links, mentions). */
function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
