import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { plantedCheckout } from './support/planted-checkout.js';
import { createReportsServer, type ReportsServer } from './support/reports-server.js';

// Sentences worked out by hand from the planted data (support/planted-checkout.ts).
const RANGE = 'from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z';

let server: ReportsServer;
beforeAll(async () => {
  server = await createReportsServer(['shop']);
  await server.store.insert(
    'events',
    plantedCheckout('shop').flatMap((session) => session.rows),
  );
});
afterAll(() => server.close());

interface Explained {
  kind: string;
  path: string;
  explanation: Array<{ kind: string; text: string; links: Array<{ text: string; sessions: Record<string, unknown> }> }>;
}

const hotspots = async (query: string) => {
  const res = await server.get(`/api/v1/projects/shop/hotspots?${RANGE}${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.hotspots as Explained[];
};

describe('hotspot explanations', () => {
  test('a dead button: what happened to how many, who gave up, and the release it started with', async () => {
    const [pay] = (await hotspots('&kind=dead_click')) as [Explained];
    expect(pay.explanation.map((s) => s.text)).toEqual([
      '23 presses on “Pay now” by 6 of 14 visitors of /checkout changed nothing on the page within 2.5 s; the button was disabled in all of them.',
      '4 of the 6 then gave up: they left within a minute or went no further than this page.',
      'It started with release 1.5.0 (none in 1.4.2, 5 visitors of the page).',
    ]);
    const filter = { path: '/checkout', kind: 'dead_click', element: '[data-testid="pay-now"]' };
    expect(pay.explanation[0]?.links).toEqual([{ text: '6 of 14 visitors', sessions: filter }]);
    expect(pay.explanation[2]?.links).toEqual([
      { text: '1.5.0', sessions: { ...filter, release: '1.5.0' } },
      { text: '5 visitors', sessions: { path: '/checkout', release: '1.4.2' } },
    ]);
  });

  test('within one release the error that followed takes the release sentence’s place', async () => {
    const [pay] = (await hotspots('&kind=dead_click&release=1.5.0')) as [Explained];
    expect(pay.explanation.map((s) => s.text)).toEqual([
      '23 presses on “Pay now” by 6 of 9 visitors of /checkout changed nothing on the page within 2.5 s; the button was disabled in all of them.',
      '4 of the 6 then gave up: they left within a minute or went no further than this page.',
      '“TypeError: total is undefined” followed 83 % of them.',
    ]);
    expect(pay.explanation[2]?.links).toEqual([
      {
        text: '83 %',
        sessions: { path: '/checkout', kind: 'dead_click', element: '[data-testid="pay-now"]', has_error: true },
      },
    ]);
  });

  test('rage presses followed by a failing request name the request by its path on the same site', async () => {
    const [coupon] = (await hotspots('&kind=rage_click')) as [Explained];
    expect(coupon.explanation.map((s) => s.text)).toEqual([
      '15 rapid presses on “Apply coupon” by 3 of 3 visitors of /cart.',
      'A request to /api/coupon failed (status 500) after 100 % of them.',
    ]);
  });

  test('a page-level hotspot (a dead end) gets its release from the journey facts', async () => {
    const [deadEnd] = (await hotspots('&kind=dead_end')) as [Explained];
    expect(deadEnd.explanation.map((s) => s.text)).toEqual([
      '4 of 14 visitors of /checkout could not get past it: they struggled there, then left or went back.',
      'All 4 then gave up: they left within a minute or went no further than this page.',
      'It started with release 1.5.0 (none in 1.4.2, 5 visitors of the page).',
    ]);
  });

  test('every sentence’s links lead to sessions the sessions API lists', async () => {
    const [pay] = (await hotspots('&kind=dead_click')) as [Explained];
    const link = pay.explanation[0]?.links[0]?.sessions ?? {};
    const query = new URLSearchParams(Object.entries(link).map(([k, v]): [string, string] => [k, String(v)]));
    const res = await server.get(`/api/v1/projects/shop/sessions?${RANGE}&${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.sessions.map((s: { id: string }) => s.id).sort()).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
  });

  test('the friction report carries the same sentences', async () => {
    const res = await server.get(`/api/v1/projects/shop/report?${RANGE}`);
    expect(res.status).toBe(200);
    const pay = res.body.hotspots.find((h: Explained) => h.kind === 'dead_click') as Explained;
    expect(pay.explanation[0]?.text).toMatch(/^23 presses on “Pay now” by 6 of 14 visitors/);
  });

  test('the release comparison names each element as people see it', async () => {
    const res = await server.get(`/api/v1/projects/shop/releases/compare?${RANGE}&base=1.4.2&head=1.5.0`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const all = [...res.body.new, ...res.body.worse, ...res.body.same] as Array<Record<string, unknown>>;
    const pay = all.find((change) => change.kind === 'dead_click' && change.path === '/checkout');
    expect(pay).toMatchObject({ element: '[data-testid="pay-now"]', element_name: 'Pay now', element_role: 'button' });
    const deadEnd = all.find((change) => change.kind === 'dead_end');
    expect(deadEnd).toMatchObject({ element: null, element_name: null, element_role: null });
  });
});
