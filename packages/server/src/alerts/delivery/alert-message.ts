import type { AlertChannelType, AlertKind, DeliveryStatus } from '@snag/protocol';

/** What the evaluator (or "send test") hands over: one message for some of a project's channels. */
export interface AlertInput {
  project: string;
  kind: AlertKind;
  /** One line: the email subject, the webhook's `title`. */
  title: string;
  /** Plain text: the email's text part, the webhook's `text` (Slack shows it). */
  text: string;
  /** The email's HTML part; without it, the text is escaped into paragraphs. */
  html?: string;
  /** Any JSON object: passed on as the webhook's `payload` (figures, links, explanations). */
  payload?: Record<string, unknown>;
  /** Channels of the project to send to; unknown or deleted ones are recorded as failed deliveries. */
  channelIds: readonly string[];
}

/** An alert as stored and sent. */
export interface AlertMessage {
  id: string;
  projectId: string;
  kind: AlertKind;
  title: string;
  text: string;
  html: string;
  payload: Record<string, unknown>;
  /** Unix ms. */
  createdAt: number;
}

/** How one alert goes (or went) to one channel; each change is a newer row with a higher `version`. */
export interface DeliveryState {
  projectId: string;
  alertId: string;
  channelId: string;
  channelType: AlertChannelType;
  channelName: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string;
  /** Unix ms: when a pending delivery is tried next. */
  nextAttemptAt: number;
  sentAt: number | null;
  createdAt: number;
}

/** Rows of one delivery are ordered by attempts, a final state after the pending one of the same attempt. */
export function deliveryVersion(state: Pick<DeliveryState, 'attempts' | 'status'>): number {
  return state.attempts * 2 + (state.status === 'pending' ? 0 : 1);
}
