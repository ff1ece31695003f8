import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateTraffic } from '../../../../bench/generate/index.js';
import { findLiveSessions } from '../../src/analytics/find-live-sessions.js';
import { journeySignalsSql } from '../../src/analytics/journey-signals-sql.js';
import { createReportsServer, type ReportsServer } from './support/reports-server.js';
import { BUY, SessionFixture } from './support/session-fixture.js';
import { countLiveSessions, settleJourneys } from './support/settle-journeys.js';

const T = Date.parse('2026-03-01T10:00:00Z');
const S = 1_000;
const RANGE = 'from=2026-03-01&to=2026-03-02';
const SHOP_RANGE = 'from=2026-02-22&to=2026-03-01';
let server: ReportsServer;

/**
 * Journey signals precomputed by the `session_facts` refresh must equal the live
 * computation: the same API answers before (every session live) and after a refresh
 * covered every session; and a late event for a covered session counts at once.
 * - q1: quick back on /b (and so a dead end there); d1: dead click on /form, then back → dead end;
 * - e1: dead click on /form, then the session ended there → dead end, until a late page view arrives;
 * - 20 views of /long, the last (l19) with 9 scroll reversals → excessive_scroll;
 * - project `shop`: 400 generated sessions over 14 days (planted dead ends, noise, scrolling).
 */
function sessions(): SessionFixture[] {
  const q1 = new SessionFixture('trip', 'q1')
    .visit(T, '/a')
    .visit(T + 10 * S, '/b')
    .visit(T + 12 * S, '/a', '/a', 'back_forward');
  const d1 = new SessionFixture('trip', 'd1')
    .visit(T, '/a')
    .visit(T + 5 * S, '/form')
    .signal(T + 9 * S, 'dead_click', BUY)
    .visit(T + 30 * S, '/a', '/a', 'back_forward')
    .visit(T + 200 * S, '/c');
  const e1 = new SessionFixture('trip', 'e1')
    .visit(T + 60 * S, '/a')
    .visit(T + 70 * S, '/form')
    .signal(T + 75 * S, 'dead_click', BUY);
  const long = Array.from({ length: 20 }, (_, n) =>
    new SessionFixture('trip', `l${n}`)
      .visit(T + n * 60 * S, '/long')
      .scroll(T + n * 60 * S + 5 * S, 1_000, 4_000, n === 19 ? 9 : n % 4)
      .visit(T + n * 60 * S + 90 * S, '/c'),
  );
  return [q1, d1, e1, ...long];
}

beforeAll(async () => {
  server = await createReportsServer(['trip', 'shop']);
  await server.store.insert(
    'events',
    sessions().flatMap((session) => session.rows),
  );
  await generateTraffic(server.store, {
    project: 'shop',
    sessions: 400,
    days: 14,
    end: Date.parse('2026-03-01T00:00:00Z'),
    seed: 11,
  });
});
afterAll(() => server.close());

/** Every answer that includes journey signals, for both projects. */
async function answers() {
  const urls = [
    `/api/v1/projects/trip/hotspots?${RANGE}`,
    `/api/v1/projects/trip/sessions?${RANGE}`,
    `/api/v1/projects/trip/trends?${RANGE}&interval=hour`,
    `/api/v1/projects/trip/pages?${RANGE}`,
    '/api/v1/projects/trip/sessions/d1',
    '/api/v1/projects/trip/sessions/e1',
    '/api/v1/projects/trip/sessions/q1/replay',
    `/api/v1/projects/shop/hotspots?${SHOP_RANGE}&limit=200`,
    `/api/v1/projects/shop/hotspots?${SHOP_RANGE}&kind=dead_end`,
    `/api/v1/projects/shop/sessions?${SHOP_RANGE}&kind=dead_end&limit=500`,
    `/api/v1/projects/shop/sessions?${SHOP_RANGE}&kind=excessive_scroll&limit=500`,
    `/api/v1/projects/shop/sessions?${SHOP_RANGE}&kind=quick_back&limit=500`,
    `/api/v1/projects/shop/sessions?${SHOP_RANGE}&limit=500`,
    `/api/v1/projects/shop/sessions?${SHOP_RANGE}&path=/checkout&sort=duration&limit=500`,
    `/api/v1/projects/shop/trends?${SHOP_RANGE}`,
    `/api/v1/projects/shop/pages?${SHOP_RANGE}`,
    `/api/v1/projects/shop/releases/compare?${SHOP_RANGE}&base=1.4.0&head=1.5.0`,
  ];
  const bodies: Record<string, unknown> = {};
  for (const url of urls) {
    const res = await server.get(url);
    expect(res.status, url).toBe(200);
    bodies[url] = res.body;
  }
  return bodies;
}

/**
 * The journey rows of project `shop` in its range, with the live sessions listed (the usual
 * case) and left to the subquery (more than LIVE_SESSIONS_LISTED_MAX of them): the same.
 */
async function journeyRowsBothWays() {
  const range = "fromUnixTimestamp64Milli({from:Int64}, 'UTC')";
  const to = "fromUnixTimestamp64Milli({to:Int64}, 'UTC')";
  const params = { project: 'shop', from: Date.parse('2026-02-22'), to: Date.parse('2026-03-01') };
  const listed = await findLiveSessions(server.store, 'shop');
  expect(listed.listed).toBe(true);
  const unlisted = { listed: false, params: { live_sessions: [] } };
  const read = (live: typeof listed) =>
    server.store.query(`SELECT * FROM (${journeySignalsSql(range, to, live)}) ORDER BY event_id`, {
      ...params,
      ...live.params,
    });
  const rows = await read(listed);
  expect(await read(unlisted)).toEqual(rows);
  return rows;
}

const deadEndSessions = async () => {
  const res = await server.get(`/api/v1/projects/trip/sessions?${RANGE}&kind=dead_end`);
  return res.body.sessions.map((s: { id: string }) => s.id).sort();
};

test('precomputed journey signals give the same answers as the live computation', async () => {
  expect(await countLiveSessions(server.store, 'trip')).toBe(23);
  const live = await answers();
  const liveRows = await journeyRowsBothWays();
  expect(liveRows.length).toBeGreaterThan(0);
  expect(await deadEndSessions()).toEqual(['d1', 'e1', 'q1']);

  await settleJourneys(server.store);
  expect(await countLiveSessions(server.store, 'trip')).toBe(0);
  expect(await countLiveSessions(server.store, 'shop')).toBe(0);
  const stored = await server.store.query<{ project_id: string; kind: string; rows: number }>(
    `SELECT project_id, kind, sum(sign) AS rows FROM {db:Identifier}.session_facts
     WHERE project_id != '' GROUP BY project_id, kind ORDER BY project_id, kind`,
  );
  const trip = Object.fromEntries(stored.filter((r) => r.project_id === 'trip').map((r) => [r.kind, Number(r.rows)]));
  // A session row per session (23); the SDK's dead clicks of d1 and e1; q1: quick_back + dead_end;
  // d1, e1: dead_end; l19 (9 reversals): the one excessive scroll, judged when stored;
  // a view row per page view: q1 3, d1 4, e1 2, l0–l19 2 each.
  expect(trip).toEqual({ session: 23, dead_click: 2, view: 49, quick_back: 1, dead_end: 3, excessive_scroll: 1 });
  expect(stored.some((r) => r.project_id === 'shop' && r.kind === 'dead_end' && Number(r.rows) > 0)).toBe(true);

  expect(await answers()).toEqual(live);
  expect(await journeyRowsBothWays()).toEqual(liveRows);
});

test('a late event for a precomputed session counts at once, and the next refresh takes the old signal back', async () => {
  const late = new SessionFixture('trip', 'e1').visit(T + 300 * S, '/c');
  await server.store.insert(
    'events',
    late.rows.map((row) => ({ ...row, event_id: 'e1-late', page_id: 'e1-late-page' })),
  );
  expect(await countLiveSessions(server.store, 'trip')).toBe(1);
  // e1 went on to /c: /form is no longer where it ended, so no dead end there.
  expect(await deadEndSessions()).toEqual(['d1', 'q1']);
  const live = await answers();

  await settleJourneys(server.store);
  expect(await countLiveSessions(server.store, 'trip')).toBe(0);
  expect(await deadEndSessions()).toEqual(['d1', 'q1']);
  expect(await answers()).toEqual(live);
  // e1's dead end was cancelled (its rows sum to 0), the late view counted; its other rows came back.
  const rows = await server.store.query<{ kind: string; rows: number }>(
    `SELECT kind, sum(sign) AS rows FROM {db:Identifier}.session_facts
     WHERE project_id = 'trip' AND session_id = 'e1' GROUP BY kind ORDER BY kind`,
  );
  expect(rows.map((r) => [r.kind, Number(r.rows)])).toEqual([
    ['dead_click', 1],
    ['dead_end', 0],
    ['session', 1],
    ['view', 3],
  ]);
});
