import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dateTime } from '../../../../bench/generate/rows.js';
import { RANGE, S, seedAcme, T0 } from './support/acme-fixture.js';
import { ADMIN_TOKEN, createReportsServer, type ReportsServer } from './support/reports-server.js';

let server: ReportsServer;

function chunk(session: string, t: number, id: string, events: Array<{ type: number; timestamp: number }>) {
  return {
    project_id: 'acme',
    session_id: session,
    client_time: dateTime(t),
    event_id: id,
    page_id: `${session}-page`,
    seq: 0,
    time: dateTime(t),
    received_at: dateTime(t),
    url: 'https://acme.example/checkout',
    full_snapshot: 1,
    event_count: events.length,
    first_timestamp: events[0]?.timestamp ?? t,
    last_timestamp: events[events.length - 1]?.timestamp ?? t,
    data: JSON.stringify(events),
  };
}

beforeAll(async () => {
  server = await createReportsServer(['acme', 'other']);
  await seedAcme(server.store);
  const second = chunk('s1', T0 + 20 * S, 'c2', [{ type: 3, timestamp: T0 + 20 * S }]);
  await server.store.insert('replay_chunks', [
    second,
    chunk('s1', T0, 'c1', [
      { type: 4, timestamp: T0 },
      { type: 2, timestamp: T0 + 1 },
    ]),
    second,
  ]);
});
afterAll(() => server.close());

const search = async (query: string) => {
  const res = await server.get(`/api/v1/projects/acme/sessions?${RANGE}&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { sessions: Array<Record<string, unknown>>; next_cursor: string | null };
};
const ids = async (query: string) => (await search(query)).sessions.map((session) => session.id);

describe('GET /projects/:project/sessions', () => {
  test('most struggle first, with each row worked out by hand', async () => {
    const body = await search('');
    expect(body.sessions.map((session) => session.id)).toEqual(['s2', 's1', 's5', 's3', 's4']);
    expect(body.sessions[0]).toMatchObject({
      id: 's2',
      start: '2026-03-01T11:00:00.000Z',
      duration_ms: 8_000,
      pages: 1,
      user: 'u1',
      signals: 3,
      signal_counts: { rage_click: 2, dead_end: 1 },
      entry_page: '/checkout',
      exit_page: '/checkout',
      errors: 0,
    });
    expect(body.sessions[1]).toMatchObject({ id: 's1', duration_ms: 200_000, pages: 2, errors: 1, exit_page: '/done' });
    expect(body.sessions[4]).toMatchObject({ id: 's4', signals: 0, signal_counts: {}, user: null });
  });

  test.each([
    ['path=/checkout', ['s2', 's1', 's3', 's4']],
    ['kind=rage_click', ['s2', 's1', 's3']],
    ['kind=dead_end', ['s2']],
    ['element=[data-testid="pay"]', ['s2', 's1', 's3']],
    ['element=%23buy', ['s1', 's5', 's3']],
    ['user=u1', ['s2', 's1']],
    ['user=anon-s3', ['s3']],
    ['release=r2', ['s5', 's3', 's4']],
    ['device=mobile', ['s5']],
    ['browser=Firefox', ['s5']],
    ['has_error=true', ['s1']],
    ['has_error=false', ['s2', 's5', 's3', 's4']],
    ['min_duration=60s', ['s1', 's5']],
    ['min_duration=100000', ['s1', 's5']],
    ['sort=recent', ['s5', 's4', 's3', 's2', 's1']],
    ['sort=duration', ['s1', 's5', 's3', 's4', 's2']],
  ])('%s', async (query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  test.each(['struggle', 'recent', 'duration'])('pages of 2 in %s order never skip or repeat', async (sort) => {
    const all = await ids(`sort=${sort}`);
    const paged: unknown[] = [];
    let cursor: string | null = null;
    do {
      const body = await search(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...body.sessions.map((session) => session.id));
      cursor = body.next_cursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  test('bad parameters are 400s naming the field; other projects stay invisible', async () => {
    for (const [query, field] of [
      ['sort=worst', 'sort'],
      ['has_error=yes', 'has_error'],
      ['min_duration=soon', 'min_duration'],
      ['device=fridge', 'device'],
      ['to=2026-13-01', 'to'],
    ]) {
      const res = await server.get(`/api/v1/projects/acme/sessions?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.path).toBe(field);
    }
    expect(await ids('user=anon-o1')).toEqual([]);
    const other = await server.get(`/api/v1/projects/other/sessions?${RANGE}`);
    expect(other.body.sessions).toHaveLength(5);
  });
});

describe('GET /projects/:project/sessions/:session/replay', () => {
  test('rrweb events in order, duplicate chunks once, signal markers with offsets', async () => {
    const res = await server.get('/api/v1/projects/acme/sessions/s1/replay');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({
      project: 'acme',
      session: 's1',
      start: '2026-03-01T10:00:00.000Z',
      chunks: 2,
      markers: [
        {
          id: 's1-3',
          kind: 'rage_click',
          t: T0 + 10 * S,
          offset_ms: 10_000,
          path: '/checkout',
          element: '[data-testid="pay"]',
        },
      ],
      events: [
        { type: 4, timestamp: T0 },
        { type: 2, timestamp: T0 + 1 },
        { type: 3, timestamp: T0 + 20 * S },
      ],
    });
  });

  test('journey markers are included; a session without a recording has no events', async () => {
    const res = await server.get('/api/v1/projects/acme/sessions/s2/replay');
    expect(res.body.events).toEqual([]);
    expect(
      res.body.markers.map((marker: { kind: string; offset_ms: number }) => [marker.kind, marker.offset_ms]),
    ).toEqual([
      ['rage_click', 5_000],
      ['dead_end', 8_000],
      ['rage_click', 8_000],
    ]);
  });

  test('the head is on the wire before the chunks are read', async () => {
    const listener = server.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    const { port } = listener.address() as AddressInfo;
    const pieces: string[] = [];
    await new Promise<void>((resolve, reject) => {
      http
        .get(
          {
            port,
            path: '/api/v1/projects/acme/sessions/s1/replay',
            headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
          },
          (res) => {
            expect(res.headers['transfer-encoding']).toBe('chunked');
            res.setEncoding('utf8');
            res.on('data', (piece: string) => pieces.push(piece));
            res.on('end', resolve);
          },
        )
        .on('error', reject);
    });
    listener.close();
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]).toMatch(/^\{"project":"acme","session":"s1",.*"events":\[$/);
  });

  test('unknown sessions and sessions of another project are 404', async () => {
    expect((await server.get('/api/v1/projects/acme/sessions/nope/replay')).status).toBe(404);
    expect((await server.get('/api/v1/projects/acme/sessions/o1/replay')).status).toBe(404);
    expect((await server.get('/api/v1/projects/acme/sessions/bad%20id/replay')).status).toBe(400);
  });
});
