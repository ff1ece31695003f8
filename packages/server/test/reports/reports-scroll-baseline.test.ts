import { afterAll, beforeAll, expect, test } from 'vitest';
import { createReportsServer, type ReportsServer } from './support/reports-server.js';
import { SessionFixture } from './support/session-fixture.js';
import { countLiveSessions, settleJourneys } from './support/settle-journeys.js';

const T = Date.parse('2026-03-01T10:00:00Z');
const S = 1_000;
const DAY = 86_400_000;
const DAY_RANGE = 'from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z';
const WIDE_RANGE = 'from=2026-01-01T00:00:00Z&to=2026-03-02T00:00:00Z';
let server: ReportsServer;

/** One session: a view of `path` with `reversals` scroll reversals, then a view of /c 90 s later. */
const reader = (id: string, t: number, path: string, reversals: number) =>
  new SessionFixture('scroll', id)
    .visit(t, path)
    .scroll(t + 5 * S, 1_000, 4_000, reversals)
    .visit(t + 90 * S, '/c');

/**
 * Excessive scrolling against the path's usual level over the 28 days before, worked out by hand:
 * - /guide, 40 days before T: 12 views with 8 reversals each: outside the 28 days, never counted;
 * - /guide, 1–10 days before T: 10 views with 0, 0, 1, 1, 2, 2, 3, 3, 5, 6 reversals;
 * - a (T, 7 reversals): its usual level is the p90 of those 10 (index ⌊0.9 × 10⌋ = 9 of the sorted
 *   views: 6); 7 > 6 → excessive_scroll;
 * - b (T + 2 h, 6 reversals): the 10 and a (11 views, index ⌊9.9⌋ = 9: still 6); 6 > 6 is false → nothing;
 * - /new: 3 views with 0 reversals in the days before, then n (T, 9 reversals): 3 earlier views are
 *   fewer than 10, so the path has no usual level yet → nothing.
 * Under the old rule (p90 over the report's range) a got nothing in either range below: over T's day
 * the range held a and b (p90 7), over the wide one the 12 old views as well (p90 8).
 */
function sessions(): SessionFixture[] {
  const old = Array.from({ length: 12 }, (_, n) => reader(`old${n}`, T - 40 * DAY + n * 3_600 * S, '/guide', 8));
  const usual = [0, 0, 1, 1, 2, 2, 3, 3, 5, 6].map((reversals, n) =>
    reader(`u${n}`, T - (n + 1) * DAY, '/guide', reversals),
  );
  const fresh = [0, 1, 2].map((n) => reader(`f${n}`, T - (n + 1) * DAY, '/new', 0));
  return [
    ...old,
    ...usual,
    ...fresh,
    reader('a', T, '/guide', 7),
    reader('b', T + 2 * 3_600 * S, '/guide', 6),
    reader('n', T, '/new', 9),
  ];
}

beforeAll(async () => {
  server = await createReportsServer(['scroll']);
  await server.store.insert(
    'events',
    sessions().flatMap((session) => session.rows),
  );
});
afterAll(() => server.close());

const excessiveSessions = async (range: string) => {
  const res = await server.get(`/api/v1/projects/scroll/sessions?${range}&kind=excessive_scroll&limit=100`);
  expect(res.status).toBe(200);
  return res.body.sessions.map((s: { id: string }) => s.id).sort();
};

const scrollHotspots = async (range: string) => {
  const res = await server.get(`/api/v1/projects/scroll/hotspots?${range}&kind=excessive_scroll`);
  expect(res.status).toBe(200);
  return res.body.hotspots.map((h: { path: string; sessions: number }) => [h.path, h.sessions]);
};

test('a page view scrolled more than its path usually is over the 28 days before it, whatever the range read', async () => {
  expect(await countLiveSessions(server.store, 'scroll')).toBe(28);
  expect(await excessiveSessions(DAY_RANGE)).toEqual(['a']);
  expect(await excessiveSessions(WIDE_RANGE)).toEqual(['a']);
  expect(await scrollHotspots(DAY_RANGE)).toEqual([['/guide', 1]]);
  expect(await scrollHotspots(WIDE_RANGE)).toEqual([['/guide', 1]]);
  const b = await server.get('/api/v1/projects/scroll/sessions/b');
  expect(b.body.signals.map((signal: { kind: string }) => signal.kind)).not.toContain('excessive_scroll');
});

test('the verdict is stored with the session facts once the session is over, and reads the same', async () => {
  await settleJourneys(server.store);
  expect(await countLiveSessions(server.store, 'scroll')).toBe(0);
  const stored = await server.store.query<{ session_id: string; reversals: number; rows: string }>(
    `SELECT session_id, reversals, sum(sign) AS rows FROM {db:Identifier}.session_facts
     WHERE project_id = 'scroll' AND kind = 'excessive_scroll' GROUP BY session_id, reversals HAVING rows > 0`,
  );
  expect(stored.map((row) => [row.session_id, row.reversals, Number(row.rows)])).toEqual([['a', 7, 1]]);
  const [session] = await server.store.query<{ counts: Record<string, number> }>(
    `SELECT signal_counts AS counts FROM {db:Identifier}.session_facts
     WHERE project_id = 'scroll' AND kind = 'session' AND session_id = 'a' AND sign = 1`,
  );
  expect(session?.counts).toMatchObject({ excessive_scroll: 1 });
  expect(await excessiveSessions(DAY_RANGE)).toEqual(['a']);
  expect(await excessiveSessions(WIDE_RANGE)).toEqual(['a']);
  expect(await scrollHotspots(WIDE_RANGE)).toEqual([['/guide', 1]]);
});
