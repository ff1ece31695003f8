import { createTransport } from 'nodemailer';
import type { SmtpConfig } from '../../config.js';
import type { Channel, EmailChannel, WebhookChannel } from '../channels/channel.js';
import type { AlertMessage } from './alert-message.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookBody, webhookSignature } from './webhook-message.js';
import { type PostFunction, WEBHOOK_POST_LIMITS } from './webhook-post.js';

/** One attempt to hand a message to a channel; throws a `DeliveryError` (or any error) when it fails. */
export type SendFunction = (channel: Channel, message: AlertMessage) => Promise<void>;

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

export interface SenderOptions {
  post: PostFunction;
  /** Without it, email channels cannot be saved and their deliveries fail. */
  smtp?: SmtpConfig;
  attemptTimeoutMs: number;
}

/** Sends to a webhook (signed JSON) or by email (SMTP, text and HTML parts), as the channel says. */
export function createChannelSender({ post, smtp, attemptTimeoutMs }: SenderOptions): SendFunction {
  const mailer = smtp
    ? createTransport({
        url: smtp.url,
        connectionTimeout: attemptTimeoutMs,
        greetingTimeout: attemptTimeoutMs,
        socketTimeout: attemptTimeoutMs,
      })
    : undefined;
  return async (channel, message) => {
    if (channel.type === 'webhook') return sendWebhook(post, channel, message, attemptTimeoutMs);
    if (!mailer || !smtp) throw new DeliveryError('email is not configured on the server (SNAG_SMTP_URL)');
    await sendEmail(mailer, smtp.from, channel, message);
  };
}

async function sendWebhook(post: PostFunction, channel: WebhookChannel, message: AlertMessage, timeoutMs: number) {
  const now = Date.now();
  const timestamp = Math.floor(now / 1000);
  const body = webhookBody(message, channel.format, now);
  const response = await post(channel.url, {
    ...WEBHOOK_POST_LIMITS,
    method: 'POST',
    body,
    timeoutMs,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Snag-Alerts',
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: webhookSignature(channel.secret, timestamp, body),
    },
  });
  if (response.status < 200 || response.status > 299) {
    throw new DeliveryError(`the receiver answered HTTP ${response.status}`);
  }
}

type Mailer = ReturnType<typeof createTransport>;

async function sendEmail(mailer: Mailer, from: string, channel: EmailChannel, message: AlertMessage) {
  await mailer.sendMail({
    from,
    to: channel.addresses,
    // One line: a title made of recorded text (element names) must not add headers.
    subject: message.title.replace(/\s+/g, ' ').trim(),
    text: message.text,
    html: message.html || textToHtml(message.text),
    headers: { 'X-Snag-Alert': message.id },
  });
}

/** The text part as HTML paragraphs, escaped. */
export function textToHtml(text: string): string {
  const escapeHtml = (value: string) =>
    value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('\n');
}
