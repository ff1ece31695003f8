import { randomUUID } from 'node:crypto';
import type { Batch, SnagEvent } from '@snag/protocol';

let counter = 0;
export const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export interface BatchOptions {
  sessionId?: string;
  pageId?: string;
  url?: string;
  t?: number;
  sentAt?: number;
  userId?: string;
  release?: string;
}

/** A realistic batch: a page view, clicks, a signal, an error and a failed request. */
export function makeBatch(options: BatchOptions = {}, extra: SnagEvent[] = []): Batch {
  const t = options.t ?? Date.now() - 5_000;
  const page_id = options.pageId ?? uniqueId('page');
  const url = options.url ?? 'https://shop.example/orders/8812';
  const base = { page_id, url };
  const element = { selector: '[data-testid="pay"]', tag: 'button', text: 'Pay now', test_id: 'pay' };
  const events: SnagEvent[] = [
    {
      ...base,
      id: randomUUID(),
      t,
      type: 'page',
      navigation: 'navigate',
      title: 'Order 8812',
      referrer: '',
      viewport: { width: 1280, height: 800 },
    },
    { ...base, id: randomUUID(), t: t + 1_000, type: 'click', element, x: 640, y: 410, page_width: 1280 },
    { ...base, id: randomUUID(), t: t + 1_200, type: 'click', element, x: 641, y: 411, page_width: 1280 },
    {
      ...base,
      id: randomUUID(),
      t: t + 1_400,
      type: 'signal',
      kind: 'rage_click',
      element,
      details: { clicks: 4, window_ms: 900 },
    },
    {
      ...base,
      id: randomUUID(),
      t: t + 2_000,
      type: 'error',
      origin: 'error',
      message: "TypeError: Cannot read properties of undefined (reading 'total')",
      source: 'https://shop.example/app.js',
      line: 12,
      column: 7,
    },
    {
      ...base,
      id: randomUUID(),
      t: t + 2_500,
      type: 'network',
      initiator: 'fetch',
      method: 'POST',
      request_url: 'https://shop.example/api/pay',
      status: 500,
      duration_ms: 231,
    },
    ...extra,
  ];
  return {
    v: 1,
    sdk: { name: 'snag-js', version: '0.1.0' },
    sent_at: options.sentAt ?? t + 3_000,
    session: {
      id: options.sessionId ?? uniqueId('sess'),
      anonymous_id: 'anon-1',
      ...(options.userId ? { user_id: options.userId } : {}),
    },
    ...(options.release ? { release: options.release } : {}),
    events,
  };
}

/** A replay chunk carrying `rrweb` inline (`encoding: "json"`), or a gzip-base64 `data` string. */
export function makeReplayEvent(
  options: { t?: number; seq?: number; rrweb?: object[]; data?: string; pageId?: string } = {},
): SnagEvent {
  const t = options.t ?? Date.now() - 1_000;
  return {
    id: randomUUID(),
    t,
    type: 'replay',
    page_id: options.pageId ?? 'p1',
    url: 'https://shop.example/',
    seq: options.seq ?? 0,
    full_snapshot: true,
    ...(options.data === undefined
      ? { encoding: 'json', events: (options.rrweb ?? [{ type: 2, timestamp: t, data: { node: { id: 1 } } }]) as never }
      : { encoding: 'gzip-base64', data: options.data }),
  };
}
