import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Batch, SnagEvent } from '@snag/protocol';

const PATHS = ['/', '/products', '/products/1842', '/cart', '/checkout', '/orders/99123', '/account/settings'];
const ELEMENTS = [
  { selector: '[data-testid="add-to-cart"]', tag: 'button', text: 'Add to cart', test_id: 'add-to-cart' },
  { selector: '#pay', tag: 'button', text: 'Pay now' },
  { selector: 'nav a[href="/cart"]', tag: 'a', text: 'Cart', aria_label: 'Cart' },
  { selector: 'button[aria-label="Increase quantity"]', tag: 'button', aria_label: 'Increase quantity' },
];
const SIGNALS = ['rage_click', 'dead_click', 'slow_click', 'error_click'] as const;
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** A realistic batch of ~20 mixed events from one page view of one session. */
export function makeBenchBatch(index: number, now = Date.now()): Batch {
  const url = `https://shop.example${pick(PATHS, index)}`;
  const page_id = randomUUID();
  const t0 = now - 20_000;
  const base = (n: number) => ({ id: randomUUID(), t: t0 + n * 500, page_id, url });
  const events: SnagEvent[] = [
    { ...base(0), type: 'page', navigation: 'navigate', title: 'Shop', viewport: { width: 1440, height: 900 } },
  ];
  for (let n = 1; n < 20; n++) {
    const element = pick(ELEMENTS, index + n);
    switch (n % 5) {
      case 0:
        events.push({ ...base(n), type: 'signal', kind: pick(SIGNALS, index + n), element, details: { clicks: 3 } });
        break;
      case 1:
        events.push({
          ...base(n),
          type: 'network',
          initiator: 'fetch',
          method: 'GET',
          request_url: 'https://shop.example/api/cart',
          status: n % 2 ? 200 : 503,
          duration_ms: 120 + n,
        });
        break;
      case 2:
        events.push({ ...base(n), type: 'input', element, input_type: 'text', length: n });
        break;
      case 3:
        events.push({ ...base(n), type: 'custom', name: 'added_to_cart', props: { sku: `sku-${index}`, qty: 1 } });
        break;
      default:
        events.push({ ...base(n), type: 'click', element, x: 200 + n, y: 300 + n, page_width: 1440 });
    }
  }
  return {
    v: 1,
    sdk: { name: 'snag-js', version: '0.1.0' },
    sent_at: now,
    session: { id: randomUUID(), anonymous_id: randomUUID() },
    release: '1.4.2',
    events,
  };
}

export interface EncodedBatch {
  batch: Batch;
  body: Buffer;
}

export function makeEncodedBatches(count: number): EncodedBatch[] {
  return Array.from({ length: count }, (_, index) => {
    const batch = makeBenchBatch(index);
    return { batch, body: gzipSync(JSON.stringify(batch)) };
  });
}
