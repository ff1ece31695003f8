import type { AlertDelivery } from './alert-delivery.js';
import type { AlertInput } from './alert-message.js';

export type { AlertInput } from './alert-message.js';

/**
 * Hands an alert (or digest) to the delivery queue: records it in the history with one
 * pending delivery per channel and resolves with its id once recorded — never waiting for
 * a receiver. The queue sends, retries with backoff, and records each outcome.
 */
export function enqueueAlert(delivery: AlertDelivery, input: AlertInput): Promise<string> {
  return delivery.enqueue(input);
}
