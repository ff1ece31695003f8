import type { AlertDelivery } from '@snag/protocol';
import type { DeliveryState } from './alert-message.js';

/** A delivery as the history (and "send test") shows it. */
export function describeDelivery(state: DeliveryState): AlertDelivery {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    channel_id: state.channelId,
    channel_type: state.channelType,
    channel_name: state.channelName,
    status: state.status,
    attempts: state.attempts,
    last_error: state.lastError === '' ? null : state.lastError,
    next_attempt_at: state.status === 'pending' ? iso(state.nextAttemptAt) : null,
    sent_at: state.sentAt === null ? null : iso(state.sentAt),
  };
}
