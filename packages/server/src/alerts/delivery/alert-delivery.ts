import { randomBytes } from 'node:crypto';
import type { AlertChannelType } from '@snag/protocol';
import type { SmtpConfig } from '../../config.js';
import { type Logger, silentLogger } from '../../observability/logger.js';
import type { Store } from '../../store/client.js';
import type { Channel } from '../channels/channel.js';
import { findChannel, findChannelsByIds } from '../channels/channels-store.js';
import type { AlertInput, AlertMessage, DeliveryState } from './alert-message.js';
import { type BackoffOptions, backoffDelayMs } from './backoff.js';
import { createChannelSender, type SendFunction, textToHtml } from './channel-sender.js';
import {
  DELIVERY_ATTEMPT_TIMEOUT_MS,
  DELIVERY_BACKOFF_BASE_MS,
  DELIVERY_BACKOFF_JITTER,
  DELIVERY_BACKOFF_MAX_MS,
  DELIVERY_CONCURRENCY,
  DELIVERY_MAX_ATTEMPTS,
  DELIVERY_MAX_QUEUED,
} from './constants.js';
import { findAlerts, findPendingDeliveries, insertAlert, insertDeliveryStates } from './deliveries-store.js';
import { describeFailure, withTimeout } from './describe-failure.js';
import { JobQueue } from './job-queue.js';
import { type PostFunction, postWebhook } from './webhook-post.js';

export interface AlertDeliveryOptions {
  concurrency: number;
  maxAttempts: number;
  backoff: BackoffOptions;
  attemptTimeoutMs: number;
  maxQueued: number;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed';

export interface AlertDeliveryDeps {
  store: Store;
  logger?: Logger;
  /** How webhook requests leave (default: `postWebhook`). */
  post?: PostFunction;
  /** `SNAG_SMTP_URL` and `SNAG_SMTP_FROM`; without them, no email. */
  smtp?: SmtpConfig;
  options?: Partial<AlertDeliveryOptions>;
  /** Each attempt's outcome, for `/metrics`. */
  onOutcome?(channelType: AlertChannelType, outcome: DeliveryOutcome): void;
}

interface DeliveryJob {
  dueAt: number;
  state: DeliveryState;
  message: AlertMessage;
}

const DEFAULT_OPTIONS: AlertDeliveryOptions = {
  concurrency: DELIVERY_CONCURRENCY,
  maxAttempts: DELIVERY_MAX_ATTEMPTS,
  backoff: { baseMs: DELIVERY_BACKOFF_BASE_MS, maxMs: DELIVERY_BACKOFF_MAX_MS, jitter: DELIVERY_BACKOFF_JITTER },
  attemptTimeoutMs: DELIVERY_ATTEMPT_TIMEOUT_MS,
  maxQueued: DELIVERY_MAX_QUEUED,
};

/**
 * Sends alerts to channels off every request path: `enqueue` records the alert and one
 * pending delivery per channel, then returns; an in-process queue makes the attempts
 * (bounded concurrency, a timeout each, exponential backoff between them, a bounded number)
 * and records each delivery's state in ClickHouse, where the history reads it and where
 * `resume` finds the pending ones again after a restart. Delivery is at least once:
 * receivers deduplicate on the alert id.
 */
export class AlertDelivery {
  /** Whether email channels can be used (SMTP is configured). */
  readonly emailConfigured: boolean;
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly options: AlertDeliveryOptions;
  private readonly send: SendFunction;
  private readonly queue: JobQueue<DeliveryJob>;
  /** Deliveries this process has queued and not finished (`project/alert/channel`), so `resume` never doubles one. */
  private readonly active = new Set<string>();
  private readonly onOutcome: NonNullable<AlertDeliveryDeps['onOutcome']>;

  constructor(deps: AlertDeliveryDeps) {
    this.store = deps.store;
    this.logger = deps.logger ?? silentLogger;
    this.options = { ...DEFAULT_OPTIONS, ...deps.options };
    this.emailConfigured = deps.smtp !== undefined;
    this.send = createChannelSender({
      post: deps.post ?? postWebhook,
      smtp: deps.smtp,
      attemptTimeoutMs: this.options.attemptTimeoutMs,
    });
    this.onOutcome = deps.onOutcome ?? (() => undefined);
    this.queue = new JobQueue(async (job) => {
      await this.attempt(job);
    }, this.options.concurrency);
  }

  /** Records the alert and queues its deliveries; resolves with the alert id once recorded, before any is sent. */
  async enqueue(input: AlertInput): Promise<string> {
    const message = newMessage(input);
    const ids = [...new Set(input.channelIds)];
    const channels = new Map((await findChannelsByIds(this.store, input.project, ids)).map((c) => [c.id, c]));
    let room = this.options.maxQueued - this.queue.size;
    const states = ids.map((id) => {
      const channel = channels.get(id);
      const state = pendingState(message, channel, id);
      if (!channel) return { ...state, status: 'failed' as const, lastError: 'no such channel in the project' };
      if (room <= 0) return { ...state, status: 'failed' as const, lastError: 'the delivery queue is full' };
      room -= 1;
      return state;
    });
    await insertAlert(this.store, message);
    await insertDeliveryStates(this.store, states);
    for (const state of states) {
      if (state.status === 'pending') this.schedule(state, message);
    }
    return message.id;
  }

  /** "Send test": a test alert to one channel, one attempt, awaited and recorded in the history. */
  async sendTest(channel: Channel): Promise<{ alertId: string; state: DeliveryState }> {
    const message = newMessage({
      project: channel.projectId,
      kind: 'test',
      title: `Test alert from Snag: ${channel.name}`,
      text: `This is a test of the "${channel.name}" channel of project ${channel.projectId}. Alerts and digests of the project will arrive here.`,
      payload: { test: true },
      channelIds: [channel.id],
    });
    const pending = pendingState(message, channel, channel.id);
    await insertAlert(this.store, message);
    await insertDeliveryStates(this.store, [pending]);
    const state = await this.attempt({ dueAt: pending.nextAttemptAt, state: pending, message }, { retry: false });
    return { alertId: message.id, state };
  }

  /**
   * Queues every pending delivery this process is not already working on (those a restart
   * left behind); returns how many. Calling it again is harmless.
   */
  async resume(): Promise<number> {
    const pending = await findPendingDeliveries(this.store);
    const pairs = [...new Set(pending.map((state) => `${state.projectId}\n${state.alertId}`))].map(
      (key) => key.split('\n') as [string, string],
    );
    const messages = new Map((await findAlerts(this.store, pairs)).map((m) => [`${m.projectId}\n${m.id}`, m]));
    let queued = 0;
    for (const state of pending) {
      const message = messages.get(`${state.projectId}\n${state.alertId}`);
      if (!message || this.active.has(deliveryKey(state)) || this.queue.size >= this.options.maxQueued) continue;
      this.schedule(state, message);
      queued += 1;
    }
    if (queued > 0) this.logger.info({ deliveries: queued }, 'alert deliveries resumed');
    return queued;
  }

  /** Deliveries waiting or being attempted, and those among them whose last attempt failed. */
  stats(): { queued: number; failing: number } {
    return { queued: this.queue.size, failing: this.queue.countWaiting((job) => job.state.attempts > 0) };
  }

  /** Resolves once no delivery waits or runs (tests; a clean shutdown). */
  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  /** Stops delivering; attempts under way finish (each is bounded by its timeout). Pending rows stay for `resume`. */
  close(): Promise<void> {
    return this.queue.close();
  }

  private async attempt(job: DeliveryJob, { retry } = { retry: true }): Promise<DeliveryState> {
    const { state, message } = job;
    let error: string | undefined;
    let retryable = retry;
    try {
      const channel = await findChannel(this.store, state.projectId, state.channelId);
      if (!channel) {
        error = 'the channel was deleted';
        retryable = false;
      } else {
        await withTimeout(this.send(channel, message), this.options.attemptTimeoutMs);
      }
    } catch (failure) {
      error = describeFailure(failure, this.options.attemptTimeoutMs);
    }
    const next = this.nextState(state, error, retryable);
    this.onOutcome(state.channelType, next.status === 'pending' ? 'retry' : next.status);
    await insertDeliveryStates(this.store, [next]).catch((failure: unknown) =>
      this.logger.warn({ err: failure, alert_id: state.alertId }, 'alert delivery state not recorded'),
    );
    if (next.status === 'pending') this.schedule(next, message);
    else this.active.delete(deliveryKey(next));
    return next;
  }

  private schedule(state: DeliveryState, message: AlertMessage): void {
    this.active.add(deliveryKey(state));
    this.queue.add({ dueAt: state.nextAttemptAt, state, message });
  }

  private nextState(state: DeliveryState, error: string | undefined, retryable: boolean): DeliveryState {
    const attempts = state.attempts + 1;
    const now = Date.now();
    if (error === undefined) return { ...state, status: 'sent', attempts, sentAt: now, nextAttemptAt: now };
    if (!retryable || attempts >= this.options.maxAttempts) {
      return { ...state, status: 'failed', attempts, lastError: error, nextAttemptAt: now };
    }
    const nextAttemptAt = now + backoffDelayMs(attempts, this.options.backoff);
    return { ...state, status: 'pending', attempts, lastError: error, nextAttemptAt };
  }
}

function deliveryKey(state: DeliveryState): string {
  return `${state.projectId}/${state.alertId}/${state.channelId}`;
}

function newMessage(input: AlertInput): AlertMessage {
  return {
    id: `alr_${randomBytes(12).toString('base64url')}`,
    projectId: input.project,
    kind: input.kind,
    title: input.title,
    text: input.text,
    html: input.html ?? textToHtml(input.text),
    payload: input.payload ?? {},
    createdAt: Date.now(),
  };
}

function pendingState(message: AlertMessage, channel: Channel | undefined, channelId: string): DeliveryState {
  return {
    projectId: message.projectId,
    alertId: message.id,
    channelId,
    channelType: channel?.type ?? 'webhook',
    channelName: channel?.name ?? '(no such channel)',
    status: 'pending',
    attempts: 0,
    lastError: '',
    nextAttemptAt: message.createdAt,
    sentAt: null,
    createdAt: message.createdAt,
  };
}
