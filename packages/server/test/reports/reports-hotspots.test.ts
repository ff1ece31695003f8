import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedAcme } from './support/acme-fixture.js';
import { createReportsServer, type ReportsServer } from './support/reports-server.js';

const RANGE = 'from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z';
let server: ReportsServer;

beforeAll(async () => {
  server = await createReportsServer(['acme', 'other', 'empty']);
  await seedAcme(server.store);
});
afterAll(() => server.close());

const hotspots = async (query: string) => {
  const res = await server.get(`/api/v1/projects/acme/hotspots?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { hotspots: Array<Record<string, unknown>>; next_cursor: string | null };
};

describe('GET /projects/:project/hotspots', () => {
  test('figures match the hand-computed values, duplicates from retries ignored', async () => {
    const body = await hotspots(RANGE);
    expect(body.hotspots.map((h) => [h.path, (h.element as { key: string } | null)?.key ?? null, h.kind])).toEqual([
      ['/checkout', '[data-testid="pay"]', 'rage_click'],
      ['/checkout', null, 'dead_end'],
      ['/products/:id', '#buy', 'dead_click'],
    ]);
    expect(body.hotspots[0]).toMatchObject({
      occurrences: 4,
      sessions: 3,
      users: 2,
      page_sessions: 4,
      affected_share: 0.75,
      abandoned_sessions: 2,
      abandonment: 0.6667,
      impact: 5,
      first_seen: '2026-03-01T10:00:10.000Z',
      last_seen: '2026-03-01T12:00:03.000Z',
      trend: { previous_sessions: 1, previous_occurrences: 1, change: 2 },
      element: { key: '[data-testid="pay"]', selector: '#checkout > button.pay', tag: 'button', text: 'Pay' },
    });
    expect(body.hotspots[0]?.examples).toEqual([
      { session_id: 's3', offset_ms: 3_000, replay: '/api/v1/projects/acme/sessions/s3/replay#t=3000' },
      { session_id: 's2', offset_ms: 5_000, replay: '/api/v1/projects/acme/sessions/s2/replay#t=5000' },
      { session_id: 's1', offset_ms: 10_000, replay: '/api/v1/projects/acme/sessions/s1/replay#t=10000' },
    ]);
    expect(body.hotspots[1]).toMatchObject({ sessions: 1, occurrences: 1, abandonment: 1, impact: 2, element: null });
    expect(body.hotspots[1]?.trend).toEqual({ previous_sessions: 1, previous_occurrences: 1, change: 0 });
    expect(body.hotspots[2]).toMatchObject({
      sessions: 1,
      abandonment: 0,
      impact: 1,
      page_sessions: 1,
      affected_share: 1,
    });
    expect(body.hotspots[2]?.trend).toEqual({ previous_sessions: 0, previous_occurrences: 0, change: null });
    expect(body.next_cursor).toBeNull();
  });

  test('filters by kind, by concrete path or pattern, and by release', async () => {
    expect((await hotspots(`${RANGE}&kind=dead_click`)).hotspots.map((h) => h.kind)).toEqual(['dead_click']);
    expect((await hotspots(`${RANGE}&path=/products/7`)).hotspots.map((h) => h.path)).toEqual(['/products/:id']);
    expect((await hotspots(`${RANGE}&path=/products/:id`)).hotspots).toHaveLength(1);
    const r2 = await hotspots(`${RANGE}&release=r2`);
    expect(r2.hotspots.map((h) => [h.kind, h.sessions, h.page_sessions])).toEqual([
      ['rage_click', 1, 2],
      ['dead_click', 1, 1],
    ]);
  });

  test('the cursor walks the ranking one by one, without skipping or repeating', async () => {
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const body = await hotspots(`${RANGE}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.hotspots.map((h) => h.kind));
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['rage_click', 'dead_end', 'dead_click']);
  });

  test('an empty range and a project without data give no hotspots', async () => {
    expect((await hotspots('from=2025-01-01&to=2025-01-02')).hotspots).toEqual([]);
    const empty = await server.get(`/api/v1/projects/empty/hotspots?${RANGE}`);
    expect(empty.body.hotspots).toEqual([]);
  });

  test('a project sees only its own rows; equal impact and occurrences fall back to page, element, kind', async () => {
    const other = await server.get(`/api/v1/projects/other/hotspots?${RANGE}`);
    expect(other.body.hotspots.map((h: { kind: string; sessions: number }) => [h.kind, h.sessions])).toEqual([
      ['dead_end', 5],
      ['rage_click', 5],
    ]);
    expect((await hotspots(RANGE)).hotspots[0]?.sessions).toBe(3);
  });

  test('relative times are accepted', async () => {
    const res = await server.get('/api/v1/projects/acme/hotspots?from=-30d&to=now');
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(30 * 86_400_000);
  });
});

describe('validation and access', () => {
  test.each([
    ['from=yesterday', 'from'],
    ['from=2026-03-02&to=2026-03-01', 'from'],
    ['kind=sad_click', 'kind'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['path=checkout', 'path'],
    ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['colour=red', ''],
  ])('%s → 400 naming %s', async (query, path) => {
    const res = await server.get(`/api/v1/projects/acme/hotspots?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    if (path) expect(res.body.path).toBe(path);
  });

  test('an unknown project is a 404, a bad project id a 400', async () => {
    expect((await server.get(`/api/v1/projects/nope/hotspots?${RANGE}`)).status).toBe(404);
    expect((await server.get(`/api/v1/projects/Bad_Id/hotspots?${RANGE}`)).status).toBe(400);
  });

  test('the admin token is required', async () => {
    const res = await supertest(server.app).get(`/api/v1/projects/acme/hotspots?${RANGE}`);
    expect(res.status).toBe(401);
    const wrong = await supertest(server.app).get('/api/v1/projects').set('Authorization', 'Bearer nope');
    expect(wrong.status).toBe(401);
  });
});
