import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type GeneratedTruth,
  generateTraffic,
  PLANTED_HOTSPOTS,
  PLANTED_REGRESSION,
} from '../../../../bench/generate/index.js';
import { ADMIN_TOKEN, createReportsServer, type ReportsServer } from './support/reports-server.js';

const END = Date.parse('2026-03-01T00:00:00Z');
const RANGE = 'from=2026-02-15&to=2026-03-01';
const plantedKey = (h: { path: string; element: string; kind: string }) => `${h.path}|${h.element}|${h.kind}`;
const total = (byRelease: Record<string, number> | undefined) =>
  Object.values(byRelease ?? {}).reduce((sum, n) => sum + n, 0);

let server: ReportsServer;
let truth: GeneratedTruth;

beforeAll(async () => {
  server = await createReportsServer(['shop']);
  truth = await generateTraffic(server.store, { project: 'shop', sessions: 1_200, days: 14, end: END, seed: 7 });
});
afterAll(() => server.close());

type Hotspot = { path: string; kind: string; element: { key: string } | null; sessions: number; impact: number };

describe('generated traffic with planted problems', () => {
  test('the planted hotspots come first, in the planted order, with the planted session counts', async () => {
    const res = await server.get(`/api/v1/projects/shop/hotspots?${RANGE}&limit=10`);
    const hotspots = res.body.hotspots as Hotspot[];
    const top = hotspots.slice(0, PLANTED_HOTSPOTS.length);
    expect(top.map((h) => ({ path: h.path, element: h.element?.key ?? '', kind: h.kind }))).toEqual(
      PLANTED_HOTSPOTS.map((h) => ({ ...h })),
    );
    for (const [index, planted] of PLANTED_HOTSPOTS.entries()) {
      expect(top[index]?.sessions).toBe(total(truth.planted[plantedKey(planted)]));
    }
    // Noise stays far below: the first unplanted hotspot has under a quarter of the weakest planted one's impact.
    const weakest = Math.min(...top.map((h) => h.impact));
    expect(hotspots[PLANTED_HOTSPOTS.length]?.impact ?? 0).toBeLessThan(weakest / 4);
  });

  test('the release comparison finds exactly the planted regression', async () => {
    const res = await server.get(`/api/v1/projects/shop/releases/compare?${RANGE}&base=1.4.0&head=1.5.0`);
    expect(res.status).toBe(200);
    expect(res.body.new).toEqual([]);
    expect(res.body.better).toEqual([]);
    expect(res.body.gone).toEqual([]);
    expect(res.body.worse).toHaveLength(1);
    const worse = res.body.worse[0];
    expect(worse).toMatchObject({
      path: PLANTED_REGRESSION.path,
      element: PLANTED_REGRESSION.element,
      kind: 'rage_click',
    });
    const byRelease = truth.planted[plantedKey(PLANTED_REGRESSION)];
    expect([worse.base.sessions, worse.head.sessions]).toEqual([byRelease?.['1.4.0'], byRelease?.['1.5.0']]);
    expect(worse.head.rate).toBeGreaterThan(worse.base.rate * 2);
    expect(res.body.base.sessions + res.body.head.sessions).toBe(truth.sessions);
  });

  test('the release comparison lists the hotspots without a verdict in same, with their figures', async () => {
    const res = await server.get(`/api/v1/projects/shop/releases/compare?${RANGE}&base=1.4.0&head=1.5.0`);
    type Row = {
      path: string;
      element: string | null;
      kind: string;
      base: { sessions: number };
      head: { sessions: number };
      z: number | null;
    };
    const same = res.body.same as Row[];
    expect(same.length).toBe(res.body.unchanged);
    expect(same.length).toBeGreaterThan(PLANTED_HOTSPOTS.length);
    // The planted hotspots the second release leaves alone are here, with their sessions per release.
    for (const planted of PLANTED_HOTSPOTS.filter((h) => h !== PLANTED_REGRESSION)) {
      const row = same.find(
        (r) => r.path === planted.path && (r.element ?? '') === planted.element && r.kind === planted.kind,
      );
      const byRelease = truth.planted[plantedKey(planted)];
      expect([row?.base.sessions, row?.head.sessions], plantedKey(planted)).toEqual([
        byRelease?.['1.4.0'] ?? 0,
        byRelease?.['1.5.0'] ?? 0,
      ]);
    }
    // No verdict: too few sessions on both sides, or a change within chance.
    for (const row of same) {
      const tooFew = Math.max(row.base.sessions, row.head.sessions) < 5;
      expect(tooFew || row.z === null || Math.abs(row.z) < 1.96, JSON.stringify(row)).toBe(true);
    }
    // Largest change first, and each hotspot in exactly one list.
    const change = (row: Row) => Math.abs(row.head.sessions - row.base.sessions);
    expect(same.map(change)).toEqual([...same.map(change)].sort((a, b) => b - a));
    const lists = ['new', 'worse', 'better', 'gone', 'same'].flatMap((key) => res.body[key] as Row[]);
    const keys = lists.map((row) => `${row.path}|${row.element ?? ''}|${row.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('session search pages through every rage session exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await server.get(
        `/api/v1/projects/shop/sessions?${RANGE}&kind=rage_click&limit=37${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.sessions.map((session: { id: string }) => session.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    const planted = truth.plantedSessions[plantedKey(PLANTED_REGRESSION)] ?? [];
    expect(seen).toHaveLength(planted.length);
    expect(new Set(seen)).toEqual(new Set(planted));
  });

  test('rage trend split by release adds up to the planted counts', async () => {
    const res = await server.get(`/api/v1/projects/shop/trends?${RANGE}&kind=rage_click&split=release`);
    const sums = Object.fromEntries(
      res.body.series.map((s: { release: string; buckets: Array<{ struggling_sessions: number }> }) => [
        s.release,
        s.buckets.reduce((sum, b) => sum + b.struggling_sessions, 0),
      ]),
    );
    expect(sums).toEqual(truth.planted[plantedKey(PLANTED_REGRESSION)]);
  });
});

describe('GET /projects/:project/report and share links', () => {
  test('json, markdown and csv carry the same ranking', async () => {
    const json = await server.get(`/api/v1/projects/shop/report?${RANGE}`);
    expect(json.body.totals.sessions).toBe(truth.sessions);
    expect(json.body.hotspots[0]).toMatchObject({ rank: 1, path: '/checkout/payment', kind: 'error_click' });
    expect(json.body.trend).toHaveLength(14);
    const md = await server.get(`/api/v1/projects/shop/report?${RANGE}&format=md`);
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.text).toContain('| 1 | /checkout/payment | Pay now ([data-testid="pay"]) | error_click |');
    const csv = await server.get(`/api/v1/projects/shop/report?${RANGE}&format=csv`);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^rank,path,element,element_text,kind,impact,sessions/);
    expect(lines[1]).toMatch(/^1,\/checkout\/payment,"\[data-testid=""pay""\]",Pay now,error_click,/);
    expect(lines).toHaveLength(11);
  });

  test('a share link opens the same report without signing in; the report no longer mints links', async () => {
    const made = await supertest(server.app)
      .post('/api/v1/projects/shop/share-links')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ from: '2026-02-15', to: '2026-03-01', ttl: '2h' });
    expect(made.status).toBe(201);
    const expiresIn = Date.parse(made.body.expires_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(7_000_000);
    expect(expiresIn).toBeLessThanOrEqual(7_200_000);
    const json = await server.get(`/api/v1/projects/shop/report?${RANGE}`);
    expect(json.body.share).toBeUndefined();
    const shared = await supertest(server.app).get(made.body.url);
    expect(shared.status).toBe(200);
    expect(shared.body.hotspots).toEqual(json.body.hotspots);
    expect(shared.body.share.expires_at).toBe(made.body.expires_at);
    const md = await supertest(server.app).get(`${made.body.url}?format=md`);
    expect(md.text).toContain('# Friction report: shop');
  });

  test('bad report parameters are 400s', async () => {
    for (const [query, field] of [['format=pdf', 'format']]) {
      const res = await server.get(`/api/v1/projects/shop/report?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.path).toBe(field);
    }
    const same = await server.get('/api/v1/projects/shop/releases/compare?base=1.4.0&head=1.4.0');
    expect([same.status, same.body.path]).toEqual([400, 'head']);
    const missing = await server.get('/api/v1/projects/shop/releases/compare?base=1.4.0');
    expect([missing.status, missing.body.path]).toEqual([400, 'head']);
  });
});
