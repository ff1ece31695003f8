import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RANGE, seedAcme } from './support/acme-fixture.js';
import { createReportsServer, type ReportsServer } from './support/reports-server.js';

let server: ReportsServer;

beforeAll(async () => {
  server = await createReportsServer(['acme', 'other']);
  await seedAcme(server.store);
});
afterAll(() => server.close());

type Bucket = { label: string; start: string; sessions: number; struggling_sessions: number; signals: object };
const trends = async (query: string) => {
  const res = await server.get(`/api/v1/projects/acme/trends?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { buckets: Bucket[]; series: Array<{ release: string; buckets: Bucket[] }> };
};
const byLabel = (buckets: Bucket[]) => Object.fromEntries(buckets.map((b) => [b.label.slice(0, 10), b.sessions]));

describe('GET /projects/:project/trends', () => {
  test('daily buckets in UTC with signals by kind and empty days filled', async () => {
    const body = await trends('from=2026-02-28&to=2026-03-03');
    expect(byLabel(body.buckets)).toEqual({ '2026-02-28': 1, '2026-03-01': 5, '2026-03-02': 0 });
    expect(body.buckets[1]).toEqual({
      start: '2026-03-01T00:00:00.000Z',
      label: '2026-03-01T00:00',
      sessions: 5,
      struggling_sessions: 4,
      struggle_share: 0.8,
      signals: { rage_click: 4, dead_click: 1, dead_end: 1 },
    });
  });

  test('tz moves the day boundaries (Pacific/Kiritimati is UTC+14)', async () => {
    const body = await trends('from=2026-02-28&to=2026-03-03&tz=Pacific/Kiritimati');
    expect(byLabel(body.buckets)).toEqual({ '2026-02-28': 0, '2026-03-01': 1, '2026-03-02': 5, '2026-03-03': 0 });
    expect(body.buckets[2]?.start).toBe('2026-03-01T10:00:00.000Z');
  });

  test('hourly buckets, filtered by kind and path', async () => {
    const body = await trends('from=2026-03-01T09:00:00Z&to=2026-03-01T13:00:00Z&interval=hour&kind=rage_click');
    expect(body.buckets.map((b) => [b.label, b.sessions, b.struggling_sessions])).toEqual([
      ['2026-03-01T09:00', 0, 0],
      ['2026-03-01T10:00', 1, 1],
      ['2026-03-01T11:00', 1, 1],
      ['2026-03-01T12:00', 1, 1],
    ]);
    const cart = await trends(`${RANGE}&path=/products/:id`);
    expect(cart.buckets.map((b) => [b.sessions, b.signals])).toEqual([[1, { dead_click: 1 }]]);
  });

  test('split by release', async () => {
    const body = await trends(`${RANGE}&split=release`);
    expect(body.series.map((s) => [s.release, s.buckets.map((b) => [b.sessions, b.struggling_sessions])])).toEqual([
      ['r1', [[2, 2]]],
      ['r2', [[3, 2]]],
    ]);
  });

  test('bad interval, tz and too many hours are 400s; an empty range is all zeros', async () => {
    for (const [query, field] of [
      ['interval=week', 'interval'],
      ['tz=Mars/Olympus', 'tz'],
      ['interval=hour&from=-90d', 'interval'],
      ['split=browser', 'split'],
    ]) {
      const res = await server.get(`/api/v1/projects/acme/trends?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.path).toBe(field);
    }
    const empty = await trends('from=2025-01-01&to=2025-01-03');
    expect(empty.buckets.map((b) => b.sessions)).toEqual([0, 0]);
  });
});

describe('GET /projects/:project/heatmap', () => {
  test('clicks per element, density relative to the page width, scroll-depth reach', async () => {
    const res = await server.get(`/api/v1/projects/acme/heatmap?${RANGE}&path=/checkout`);
    expect(res.status).toBe(200);
    expect(res.body.elements).toEqual([
      {
        element: '[data-testid="pay"]',
        selector: '#checkout > button.pay',
        tag: 'button',
        text: 'Pay',
        clicks: 2,
        sessions: 2,
        // The fixture's clicks carry no accessible name or role (an SDK before names).
        name: null,
        role: null,
      },
    ]);
    expect(res.body.density).toEqual({
      columns: 20,
      row_px: 100,
      cells: [
        { column: 2, row: 0, clicks: 1 },
        { column: 19, row: 2, clicks: 1 },
      ],
    });
    // s1 reached 60 %, s3 100 %, s2 and s4 never scrolled (0 %): 4 views.
    expect(res.body.scroll.views).toBe(4);
    expect(res.body.scroll.reached.map((r: { depth_pct: number; share: number }) => [r.depth_pct, r.share])).toEqual([
      [0, 1],
      [10, 0.5],
      [20, 0.5],
      [30, 0.5],
      [40, 0.5],
      [50, 0.5],
      [60, 0.5],
      [70, 0.25],
      [80, 0.25],
      [90, 0.25],
      [100, 0.25],
    ]);
  });

  test('device filter, and path is required', async () => {
    const mobile = await server.get(`/api/v1/projects/acme/heatmap?${RANGE}&path=/checkout&device=mobile`);
    expect(mobile.body.elements).toEqual([]);
    expect(mobile.body.scroll.views).toBe(0);
    const missing = await server.get(`/api/v1/projects/acme/heatmap?${RANGE}`);
    expect(missing.status).toBe(400);
    expect(missing.body.path).toBe('path');
  });
});

describe('pickers', () => {
  test('GET /projects lists the projects', async () => {
    const res = await server.get('/api/v1/projects');
    expect(res.body.projects.map((p: { id: string }) => p.id)).toEqual(['acme', 'other']);
  });

  test('GET /projects/:project/pages: views and struggle rate per path pattern', async () => {
    const res = await server.get(`/api/v1/projects/acme/pages?${RANGE}`);
    expect(res.body.pages).toEqual([
      { path: '/checkout', views: 4, sessions: 4, struggling_sessions: 3, struggle_rate: 0.75 },
      { path: '/cart', views: 1, sessions: 1, struggling_sessions: 0, struggle_rate: 0 },
      { path: '/done', views: 1, sessions: 1, struggling_sessions: 0, struggle_rate: 0 },
      { path: '/next', views: 1, sessions: 1, struggling_sessions: 0, struggle_rate: 0 },
      { path: '/other', views: 1, sessions: 1, struggling_sessions: 0, struggle_rate: 0 },
      { path: '/products/:id', views: 1, sessions: 1, struggling_sessions: 1, struggle_rate: 1 },
    ]);
  });
});
