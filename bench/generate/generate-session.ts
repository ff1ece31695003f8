import type { Random } from './random.js';
import { dateTime, type EventRow, elementColumns, eventRow, type ReplayRow, type SessionContext } from './rows.js';
import { DEVICES, ELEMENTS, type ElementSpec, NOISE_ELEMENTS, NOISE_KINDS, RATES } from './scenario.js';

const ORIGIN = 'https://shop.example';

export interface PlantedSignal {
  key: string;
  release: string;
}

export interface GeneratedSession {
  events: EventRow[];
  replays: ReplayRow[];
  /** Planted hotspot keys (`path|element|kind`) this session was given. */
  planted: Set<string>;
}

interface PageView {
  id: string;
  url: string;
  path: string;
  pattern: string;
  start: number;
}

/**
 * One visitor's session through the shop funnel: landing → product → cart →
 * checkout → payment → order, with drop-offs, ordinary clicks and scrolls, the
 * planted problems at their rates and a little noise. Returns its rows.
 */
export function generateSession(
  random: Random,
  session: SessionContext,
  start: number,
  options: { replay: boolean; paddingPerPage: number },
): GeneratedSession {
  const out: GeneratedSession = { events: [], replays: [], planted: new Set() };
  const screen = DEVICES.find((entry) => entry.device === session.device) ?? DEVICES[0];
  let clock = start;
  let counter = 0;
  let previous: PageView | undefined;
  const nextId = () => `${session.session_id}-${(counter++).toString(36)}`;

  const visit = (path: string, pattern: string, navigation = 'navigate'): PageView => {
    const page: PageView = { id: nextId(), url: `${ORIGIN}${path}`, path, pattern, start: clock };
    out.events.push(
      eventRow(session, page, {
        id: nextId(),
        type: 'page',
        t: clock,
        columns: { navigation, viewport_width: screen.width, viewport_height: screen.height },
        data: { navigation, title: pattern, referrer: previous?.url ?? '', viewport: screen },
      }),
    );
    ordinaryActivity(page);
    if (options.replay) out.replays.push(replayChunk(session, page, screen.width, screen.height));
    previous = page;
    return page;
  };

  const advance = (min: number, max: number) => {
    clock += random.int(min, max);
  };

  const click = (page: PageView, element: ElementSpec) => {
    advance(500, 3_000);
    const x = random.int(0, screen.width - 1);
    const y = random.int(0, 2_000);
    out.events.push(
      eventRow(session, page, {
        id: nextId(),
        type: 'click',
        t: clock,
        columns: { ...elementColumns(element), x, y, page_width: screen.width, page_height: 2_400 },
        data: { element, x, y },
      }),
    );
  };

  const signal = (page: PageView, kind: string, element: ElementSpec | undefined, plantedKey?: string) => {
    advance(100, 1_500);
    out.events.push(
      eventRow(session, page, {
        id: nextId(),
        type: 'signal',
        t: clock,
        columns: { signal_kind: kind, ...(element ? elementColumns(element) : {}) },
        data: { kind, ...(element ? { element } : {}) },
      }),
    );
    if (plantedKey) out.planted.add(plantedKey);
  };

  function ordinaryActivity(page: PageView) {
    const clicks = random.int(0, 2);
    for (let index = 0; index < clicks; index++) click(page, random.pick(NOISE_ELEMENTS));
    if (random.chance(0.7)) {
      advance(1_000, 5_000);
      const reversals = random.chance(0.002) ? random.int(6, 9) : random.int(0, 2);
      out.events.push(
        eventRow(session, page, {
          id: nextId(),
          type: 'scroll',
          t: clock,
          columns: {
            scroll_depth: random.int(screen.height, 2_400),
            scroll_reversals: reversals,
            page_height: 2_400,
            viewport_height: screen.height,
          },
        }),
      );
    }
    for (let index = 0; index < options.paddingPerPage; index++) {
      advance(50, 400);
      out.events.push(
        eventRow(session, page, {
          id: nextId(),
          type: 'network',
          t: clock,
          columns: { name: 'GET', message: `${ORIGIN}/api/items`, status: 200, duration_ms: random.int(20, 400) },
        }),
      );
    }
    if (random.chance(RATES.noise)) {
      signal(page, random.pick(NOISE_KINDS), random.pick(NOISE_ELEMENTS));
    }
  }

  visit('/', '/');
  advance(5_000, 30_000);
  if (!random.chance(0.8)) return out;

  const product = random.int(1, 500);
  const productPage = visit(`/products/${product}`, '/products/:id');
  advance(5_000, 20_000);
  const rageRate = RATES.rageAddToCart[session.release as keyof typeof RATES.rageAddToCart] ?? 0;
  if (random.chance(rageRate)) {
    for (let index = 0; index < 4; index++) click(productPage, ELEMENTS.addToCart);
    signal(productPage, 'rage_click', ELEMENTS.addToCart, '/products/:id|[data-testid="add-to-cart"]|rage_click');
  } else if (random.chance(0.7)) {
    click(productPage, ELEMENTS.addToCart);
  } else {
    if (random.chance(0.5)) visit('/help', '/help');
    return out;
  }
  advance(5_000, 15_000);

  const cart = visit('/cart', '/cart');
  advance(10_000, 40_000);
  if (!random.chance(0.7)) return out;
  click(cart, ELEMENTS.checkout);

  const checkout = visit('/checkout', '/checkout');
  advance(10_000, 30_000);
  const couponFailed = random.chance(RATES.deadCoupon);
  if (couponFailed) {
    click(checkout, ELEMENTS.applyCoupon);
    signal(checkout, 'dead_click', ELEMENTS.applyCoupon, '/checkout|[data-testid="apply-coupon"]|dead_click');
    advance(20_000, 40_000);
  } else if (!random.chance(0.85)) {
    return out;
  }
  click(checkout, ELEMENTS.placeOrder);

  const payment = visit('/checkout/payment', '/checkout/payment');
  advance(45_000, 90_000);
  if (random.chance(RATES.payError)) {
    const attempts = random.int(1, 2);
    for (let index = 0; index < attempts; index++) {
      click(payment, ELEMENTS.pay);
      signal(payment, 'error_click', ELEMENTS.pay, '/checkout/payment|[data-testid="pay"]|error_click');
    }
    out.planted.add('/checkout/payment||dead_end');
    return out;
  }
  click(payment, ELEMENTS.pay);
  advance(2_000, 5_000);
  const order = random.int(10_000, 99_999);
  visit(`/orders/${order}`, '/orders/:id');
  advance(10_000, 30_000);
  return out;
}

function replayChunk(session: SessionContext, page: PageView, width: number, height: number): ReplayRow {
  const t = page.start;
  const events = [
    { type: 4, data: { href: page.url, width, height }, timestamp: t },
    {
      type: 2,
      data: { node: { type: 0, childNodes: [], id: 1 }, initialOffset: { left: 0, top: 0 } },
      timestamp: t + 1,
    },
    { type: 3, data: { source: 1, positions: [{ x: 10, y: 10, id: 1, timeOffset: 0 }] }, timestamp: t + 500 },
  ];
  const time = dateTime(t);
  return {
    project_id: session.project_id,
    session_id: session.session_id,
    client_time: time,
    event_id: `${page.id}-replay-0`,
    page_id: page.id,
    seq: 0,
    time,
    received_at: time,
    url: page.url,
    full_snapshot: 1,
    event_count: events.length,
    first_timestamp: t,
    last_timestamp: t + 500,
    data: JSON.stringify(events),
  };
}
