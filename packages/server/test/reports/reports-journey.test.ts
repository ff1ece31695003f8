import { afterAll, beforeAll, expect, test } from 'vitest';
import { createReportsServer, type ReportsServer } from './support/reports-server.js';
import { BUY, SessionFixture } from './support/session-fixture.js';

const T = Date.parse('2026-03-01T10:00:00Z');
const S = 1_000;
const RANGE = 'from=2026-03-01&to=2026-03-02';
let server: ReportsServer;

/**
 * Journey-level signals computed in SQL from page views:
 * - q1: /a → /b → back to /a after 2 s, nothing done on /b → quick_back on /b, and
 *   dead_end on /b (a page left by a quick back is one people could not get past);
 *   q2 clicked on /b and q3 stayed 8 s → nothing.
 * - r1: /a → /go bounced back after 200 ms (a redirect, not a read) → nothing;
 *   a1: /a → /login → back after 2 s (an auth bounce) → nothing.
 * - d1: dead click on /form, then went back → dead_end on /form (struggle, then back).
 * - 20 views of /long, a minute apart: l0–l18 with n % 4 ≤ 3 scroll reversals, then l19 with 9 →
 *   excessive_scroll (≥ 4, and above 3, the p90 of the 19 views before it: 5 × 0, 5 × 1, 5 × 2, 4 × 3).
 */
function sessions(): SessionFixture[] {
  const q1 = new SessionFixture('trip', 'q1')
    .visit(T, '/a')
    .visit(T + 10 * S, '/b')
    .visit(T + 12 * S, '/a', '/a', 'back_forward');
  const q2 = new SessionFixture('trip', 'q2')
    .visit(T, '/a')
    .visit(T + 10 * S, '/b')
    .click(T + 11 * S, BUY)
    .visit(T + 12 * S, '/a', '/a', 'back_forward');
  const q3 = new SessionFixture('trip', 'q3')
    .visit(T, '/a')
    .visit(T + 10 * S, '/b')
    .visit(T + 18 * S, '/a', '/a', 'back_forward');
  const r1 = new SessionFixture('trip', 'r1')
    .visit(T, '/a')
    .visit(T + 10 * S, '/go')
    .visit(T + 10 * S + 200, '/a', '/a', 'back_forward');
  const a1 = new SessionFixture('trip', 'a1')
    .visit(T, '/a')
    .visit(T + 10 * S, '/login')
    .visit(T + 12 * S, '/a', '/a', 'back_forward');
  const d1 = new SessionFixture('trip', 'd1')
    .visit(T, '/a')
    .visit(T + 5 * S, '/form')
    .signal(T + 9 * S, 'dead_click', BUY)
    .visit(T + 30 * S, '/a', '/a', 'back_forward')
    .visit(T + 200 * S, '/c');
  const long = Array.from({ length: 20 }, (_, n) =>
    new SessionFixture('trip', `l${n}`)
      .visit(T + n * 60 * S, '/long')
      .scroll(T + n * 60 * S + 5 * S, 1_000, 4_000, n === 19 ? 9 : n % 4)
      .visit(T + n * 60 * S + 90 * S, '/c'),
  );
  return [q1, q2, q3, r1, a1, d1, ...long];
}

beforeAll(async () => {
  server = await createReportsServer(['trip']);
  await server.store.insert(
    'events',
    sessions().flatMap((session) => session.rows),
  );
});
afterAll(() => server.close());

test('quick backs, dead ends and excessive scrolling become page-level hotspots', async () => {
  const res = await server.get(`/api/v1/projects/trip/hotspots?${RANGE}`);
  const found = res.body.hotspots.map((h: { path: string; kind: string; element: unknown; sessions: number }) => [
    h.path,
    h.kind,
    h.element,
    h.sessions,
  ]);
  expect(found).toEqual(
    expect.arrayContaining([
      ['/b', 'quick_back', null, 1],
      ['/b', 'dead_end', null, 1],
      ['/form', 'dead_end', null, 1],
      ['/long', 'excessive_scroll', null, 1],
      ['/form', 'dead_click', expect.objectContaining({ key: '#buy' }), 1],
    ]),
  );
  expect(found).toHaveLength(5);
});

test('journey signals show up in session search and replay markers', async () => {
  const search = await server.get(`/api/v1/projects/trip/sessions?${RANGE}&kind=quick_back`);
  expect(search.body.sessions.map((s: { id: string }) => s.id)).toEqual(['q1']);
  const scroll = await server.get(`/api/v1/projects/trip/sessions?${RANGE}&kind=excessive_scroll`);
  expect(scroll.body.sessions.map((s: { id: string }) => s.id)).toEqual(['l19']);
  const replay = await server.get('/api/v1/projects/trip/sessions/d1/replay');
  expect(replay.body.markers.map((m: { kind: string; path: string }) => [m.kind, m.path])).toEqual([
    ['dead_click', '/form'],
    ['dead_end', '/form'],
  ]);
});

test('the session API lists journey signals among the SDK ones, in time order', async () => {
  const d1 = await server.get('/api/v1/projects/trip/sessions/d1');
  expect(d1.body.signals.map((s: { kind: string; path: string }) => [s.kind, s.path])).toEqual([
    ['dead_click', '/form'],
    ['dead_end', '/form'],
  ]);
  const q1 = await server.get('/api/v1/projects/trip/sessions/q1');
  expect(q1.body.signals.map((s: { kind: string; type: string; path: string }) => [s.type, s.kind, s.path])).toEqual([
    ['signal', 'dead_end', '/b'],
    ['signal', 'quick_back', '/b'],
  ]);
  for (const id of ['q2', 'q3', 'r1', 'a1']) {
    const res = await server.get(`/api/v1/projects/trip/sessions/${id}`);
    expect(res.body.signals, id).toEqual([]);
  }
});
