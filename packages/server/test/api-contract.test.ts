import { randomUUID } from 'node:crypto';
import {
  alertChannelSchema,
  alertChannelsResponseSchema,
  alertHistoryResponseSchema,
  alertRuleSchema,
  alertRulesResponseSchema,
  alertTestResultSchema,
  answersResponseSchema,
  apiTokensResponseSchema,
  assetSettingsResponseSchema,
  authSessionSchema,
  type Batch,
  createdApiTokenSchema,
  createdShareLinkSchema,
  digestResponseSchema,
  digestSettingsSchema,
  frictionReportSchema,
  heatmapResponseSchema,
  hotspotsResponseSchema,
  membersResponseSchema,
  pagesResponseSchema,
  projectKeysSchema,
  projectsResponseSchema,
  publicConfigSchema,
  publicQuestionsResponseSchema,
  questionSchema,
  questionsResponseSchema,
  recordingSettingsResponseSchema,
  releaseComparisonSchema,
  releaseTrendsResponseSchema,
  replayAssetsResponseSchema,
  replayDocumentSchema,
  type SnagEvent,
  sessionDocumentSchema,
  sessionsResponseSchema,
  sharedReportSchema,
  shareLinksResponseSchema,
  signedInSchema,
  trendsResponseSchema,
} from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver } from './helpers/alert-receivers.js';
import { makeBatch, makeReplayEvent, uniqueId } from './helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from './helpers/test-store.js';

/**
 * Issue 13, "One contract": every read endpoint of `/api/v1` and `/share/reports/:token`,
 * called on real data (ingested, in chDB), answers exactly what its `@snag/protocol`
 * schema says. The schemas are strict where the output is fixed, so a field the server
 * adds, drops or renames fails here before it breaks the dashboard.
 */

const PROJECT = '/api/v1/projects/default';
const PASSWORD = 'correct horse battery';
const DESKTOP_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const MOBILE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const BASE_RELEASE = '1.0.0';
const HEAD_RELEASE = '2.0.0';

let server: TestServer;
const sessionIds: string[] = [];

const get = (url: string) => request(server.app).get(url).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
const post = (url: string, body: object) =>
  request(server.app).post(url).set('Authorization', `Bearer ${ADMIN_TOKEN}`).send(body);

/**
 * One visit to an order page (rage click, error, failed request from `makeBatch`), recorded,
 * with a scroll summary, a dead click, then a quick back: /help opened and left by the
 * back button 1.5 s later without a touch, which the server turns into a journey signal.
 */
function visit(index: number, release: string): Batch {
  const t = Date.now() - 30 * 60_000 + index * 20_000;
  const order = `page-${index}-a`;
  const help = `page-${index}-b`;
  const url = 'https://shop.example/orders/8812';
  const checkout = { selector: '#checkout', tag: 'button', text: 'Checkout', name: 'Checkout now', role: 'button' };
  const extra: SnagEvent[] = [
    makeReplayEvent({
      t,
      pageId: order,
      rrweb: [
        { type: 4, timestamp: t, data: { href: url, width: 1280, height: 800 } },
        {
          type: 2,
          timestamp: t + 1,
          data: { node: { id: 1, type: 0, childNodes: [] }, initialOffset: { top: 0, left: 0 } },
        },
      ],
    }),
    {
      id: randomUUID(),
      t: t + 2_600,
      type: 'scroll',
      page_id: order,
      url,
      max_depth: 1_600,
      page_height: 2_400,
      viewport_height: 800,
      reversals: 1,
    },
    { id: randomUUID(), t: t + 2_800, type: 'click', page_id: order, url, element: checkout, x: 200, y: 900 },
    { id: randomUUID(), t: t + 2_900, type: 'signal', page_id: order, url, kind: 'dead_click', element: checkout },
    {
      id: randomUUID(),
      t: t + 4_000,
      type: 'page',
      page_id: help,
      url: 'https://shop.example/help',
      navigation: 'navigate',
      viewport: { width: 1280, height: 800 },
    },
    {
      id: randomUUID(),
      t: t + 5_500,
      type: 'page',
      page_id: `page-${index}-c`,
      url,
      navigation: 'back_forward',
      viewport: { width: 1280, height: 800 },
    },
  ];
  const sessionId = uniqueId('sess');
  sessionIds.push(sessionId);
  return makeBatch(
    {
      sessionId,
      pageId: order,
      url,
      t,
      sentAt: Date.now(),
      release,
      ...(index % 2 === 0 ? { userId: `user-${index}` } : {}),
    },
    extra,
  );
}

async function ingest(index: number, release: string, userAgent: string) {
  await request(server.app)
    .post('/v1/ingest')
    .set('X-Snag-Key', PUBLIC_KEY)
    .set('User-Agent', userAgent)
    .send(visit(index, release))
    .expect(202);
}

beforeAll(async () => {
  server = await createTestServer();
  for (let index = 0; index < 12; index++) {
    await ingest(index, index < 6 ? BASE_RELEASE : HEAD_RELEASE, index % 3 === 2 ? MOBILE_UA : DESKTOP_UA);
  }
  // People and credentials, so the access endpoints have rows to show.
  await post('/api/v1/users', {
    email: 'lead@example.com',
    password: PASSWORD,
    projects: [{ project: 'default', role: 'admin' }],
  }).expect(201);
  await post(`${PROJECT}/invites`, { email: 'new@example.com', role: 'viewer' }).expect(201);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('pickers', () => {
  it('GET /projects', async () => {
    const body = projectsResponseSchema.parse((await get('/api/v1/projects').expect(200)).body);
    expect(body.projects.map((project) => [project.id, project.role])).toContainEqual(['default', 'owner']);
  });

  it('GET /projects/:project/keys', async () => {
    const body = projectKeysSchema.parse((await get(`${PROJECT}/keys`).expect(200)).body);
    expect(body.public_keys).toContain(PUBLIC_KEY);
  });

  it('GET /projects/:project/pages', async () => {
    const body = pagesResponseSchema.parse((await get(`${PROJECT}/pages`).expect(200)).body);
    expect(body.pages.map((page) => page.path)).toEqual(expect.arrayContaining(['/help']));
  });
});

describe('hotspots', () => {
  it('GET /projects/:project/hotspots, element and page-level ones', async () => {
    const body = hotspotsResponseSchema.parse((await get(`${PROJECT}/hotspots`).expect(200)).body);
    const kinds = body.hotspots.map((hotspot) => hotspot.kind);
    expect(kinds).toEqual(expect.arrayContaining(['rage_click', 'dead_click']));
    expect(body.hotspots.some((hotspot) => hotspot.element === null)).toBe(true);
    expect(body.hotspots.every((hotspot) => hotspot.examples.length > 0)).toBe(true);
    const deadClick = body.hotspots.find((hotspot) => hotspot.kind === 'dead_click');
    expect(deadClick?.element).toMatchObject({ key: '#checkout', name: 'Checkout now', role: 'button' });
    expect(body.hotspots.every((hotspot) => hotspot.explanation.length >= 1)).toBe(true);
    expect(deadClick?.explanation[0]?.text).toMatch(/presses on “Checkout now” by \d+ of \d+ visitors/);
    expect(body.next_cursor).toBeNull();
  });

  it('pages of one hotspot, with a cursor, and filtered', async () => {
    const first = hotspotsResponseSchema.parse((await get(`${PROJECT}/hotspots?limit=1`).expect(200)).body);
    expect(first.hotspots).toHaveLength(1);
    expect(first.next_cursor).toEqual(expect.any(String));
    const next = await get(`${PROJECT}/hotspots?limit=1&cursor=${first.next_cursor}`).expect(200);
    expect(hotspotsResponseSchema.parse(next.body).hotspots).toHaveLength(1);
    const filtered = await get(`${PROJECT}/hotspots?kind=rage_click&release=${HEAD_RELEASE}`).expect(200);
    expect(hotspotsResponseSchema.parse(filtered.body).hotspots.map((hotspot) => hotspot.kind)).toEqual(['rage_click']);
  });

  it('a field the schema does not know fails the parse', async () => {
    const { body } = await get(`${PROJECT}/hotspots?limit=1`).expect(200);
    expect(hotspotsResponseSchema.safeParse({ ...body, extra: 1 }).success).toBe(false);
    const [hotspot] = body.hotspots;
    const { impact: _dropped, ...withoutImpact } = hotspot;
    expect(hotspotsResponseSchema.safeParse({ ...body, hotspots: [withoutImpact] }).success).toBe(false);
  });
});

describe('sessions and replay', () => {
  it('GET /projects/:project/sessions, each sort, and a filter', async () => {
    for (const sort of ['struggle', 'recent', 'duration']) {
      const body = sessionsResponseSchema.parse((await get(`${PROJECT}/sessions?sort=${sort}`).expect(200)).body);
      expect(body.sessions).toHaveLength(sessionIds.length);
      // Every visit is recorded, none through an on-struggle trigger (replay-kept.test.ts has those).
      expect(body.sessions.every((session) => session.replay_kept?.mode === 'always')).toBe(true);
    }
    const paged = sessionsResponseSchema.parse(
      (await get(`${PROJECT}/sessions?limit=5&device=mobile&kind=dead_click`).expect(200)).body,
    );
    expect(paged.sessions).toHaveLength(4);
    expect(paged.sessions.every((session) => session.device === 'mobile')).toBe(true);
  });

  it('GET /projects/:project/sessions/:session: events and signals, SDK and journey ones', async () => {
    const body = sessionDocumentSchema.parse((await get(`${PROJECT}/sessions/${sessionIds[0]}`).expect(200)).body);
    expect(body.session.replay_chunks).toBe(1);
    expect(new Set(body.events.map((event) => event.type))).toEqual(
      new Set(['page', 'click', 'signal', 'error', 'network', 'scroll']),
    );
    expect(body.signals.map((signal) => signal.kind)).toEqual(
      expect.arrayContaining(['rage_click', 'dead_click', 'quick_back']),
    );
  });

  it('GET /projects/:project/sessions/:session/replay', async () => {
    const body = replayDocumentSchema.parse(
      (await get(`${PROJECT}/sessions/${sessionIds[0]}/replay`).expect(200)).body,
    );
    expect(body.chunks).toBe(1);
    expect(body.events).toHaveLength(2);
    expect(body.markers.length).toBeGreaterThan(0);
  });

  it('GET /projects/:project/sessions/:session/assets (what the replay kept; this server keeps none)', async () => {
    const body = replayAssetsResponseSchema.parse(
      (await get(`${PROJECT}/sessions/${sessionIds[0]}/assets`).expect(200)).body,
    );
    expect(body).toMatchObject({ session: sessionIds[0], kept: 0, not_kept: 0, assets: [] });
  });

  it('GET /projects/:project/settings/assets (SDK asset bodies, off by default)', async () => {
    const body = assetSettingsResponseSchema.parse((await get(`${PROJECT}/settings/assets`).expect(200)).body);
    expect(body).toEqual({ project: 'default', sdk_bodies: false, updated_at: null });
  });

  it('GET /projects/:project/settings/recording (the defaults until an admin changes them)', async () => {
    const body = recordingSettingsResponseSchema.parse((await get(`${PROJECT}/settings/recording`).expect(200)).body);
    expect(body).toMatchObject({ project: 'default', replay: 'always', updated_by: null, updated_at: null });
  });

  it('GET /v1/config (the SDK’s public read)', async () => {
    const body = publicConfigSchema.parse(
      (await request(server.app).get(`/v1/config?key=${PUBLIC_KEY}`).expect(200)).body,
    );
    expect(body).toMatchObject({ recording: { replay: 'always' }, feedback: null });
  });
});

describe('trends, heatmap, releases', () => {
  it('GET /projects/:project/trends, daily and hourly', async () => {
    const daily = trendsResponseSchema.parse((await get(`${PROJECT}/trends?tz=Europe/Paris`).expect(200)).body);
    expect(daily.buckets.length).toBeGreaterThanOrEqual(7);
    const hourly = await get(`${PROJECT}/trends?interval=hour&from=-1d&kind=rage_click`).expect(200);
    expect(trendsResponseSchema.parse(hourly.body).buckets.length).toBeGreaterThanOrEqual(24);
  });

  it('GET /projects/:project/trends?split=release', async () => {
    const body = releaseTrendsResponseSchema.parse((await get(`${PROJECT}/trends?split=release`).expect(200)).body);
    expect(body.series.map((series) => series.release)).toEqual([BASE_RELEASE, HEAD_RELEASE]);
  });

  it('GET /projects/:project/heatmap, all devices and one', async () => {
    const all = heatmapResponseSchema.parse((await get(`${PROJECT}/heatmap?path=/orders/8812`).expect(200)).body);
    expect(all.elements.length).toBeGreaterThan(0);
    expect(all.elements.find((element) => element.element === '#checkout')).toMatchObject({
      name: 'Checkout now',
      role: 'button',
    });
    expect(all.density.cells.length).toBeGreaterThan(0);
    expect(all.scroll.views).toBeGreaterThan(0);
    const desktop = await get(`${PROJECT}/heatmap?path=/orders/8812&device=desktop`).expect(200);
    expect(heatmapResponseSchema.parse(desktop.body).device).toBe('desktop');
  });

  it('GET /projects/:project/releases/compare', async () => {
    const body = releaseComparisonSchema.parse(
      (await get(`${PROJECT}/releases/compare?base=${BASE_RELEASE}&head=${HEAD_RELEASE}`).expect(200)).body,
    );
    expect(body.base.sessions).toBe(6);
    expect(body.head.sessions).toBe(6);
    expect(body.unchanged).toBeGreaterThan(0);
    expect(body.same).toHaveLength(body.unchanged);
  });
});

describe('report and share links', () => {
  it('GET /projects/:project/report', async () => {
    const body = frictionReportSchema.parse((await get(`${PROJECT}/report?tz=Europe/Paris`).expect(200)).body);
    expect(body.totals.sessions).toBe(sessionIds.length);
    expect(body.hotspots.map((hotspot) => hotspot.rank)).toEqual(body.hotspots.map((_, index) => index + 1));
  });

  it('POST and GET /projects/:project/share-links, then GET /share/reports/:token', async () => {
    const link = createdShareLinkSchema.parse(
      (await post(`${PROJECT}/share-links`, { from: '-7d', ttl: '2d' }).expect(201)).body,
    );
    const list = shareLinksResponseSchema.parse((await get(`${PROJECT}/share-links`).expect(200)).body);
    expect(list.share_links.map((entry) => entry.id)).toContain(link.id);
    const shared = sharedReportSchema.parse((await request(server.app).get(link.url).expect(200)).body);
    expect(shared.totals.sessions).toBe(sessionIds.length);
    expect(shared.share.expires_at).toBe(link.expires_at);
  });
});

describe('questions', () => {
  it('POST, GET, PATCH /projects/:project/questions(/:id), the answers, and the SDK read', async () => {
    const created = questionSchema.parse(
      (
        await post(`${PROJECT}/questions`, {
          text: 'What did you expect?',
          type: 'choice',
          options: ['A link', 'Nothing'],
          other: true,
          follow_up: 'Anything else?',
          targeting: { kinds: ['rage_click'], hotspot: { path: '/orders/:id', element: '[data-testid="pay"]' } },
          ends_at: '2100-01-01T00:00:00Z',
        }).expect(201)
      ).body,
    );
    const list = questionsResponseSchema.parse((await get(`${PROJECT}/questions`).expect(200)).body);
    expect(list.questions.map((question) => question.id)).toEqual([created.id]);
    expect(questionSchema.parse((await get(`${PROJECT}/questions/${created.id}`).expect(200)).body)).toEqual(created);
    const patched = await request(server.app)
      .patch(`${PROJECT}/questions/${created.id}`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ delay_ms: 1_500 })
      .expect(200);
    expect(questionSchema.parse(patched.body).delay_ms).toBe(1_500);
    const answers = answersResponseSchema.parse(
      (await get(`${PROJECT}/questions/${created.id}/answers`).expect(200)).body,
    );
    expect(answers.summary.shown).toBe(0);
    const sdk = publicQuestionsResponseSchema.parse(
      (await request(server.app).get(`/v1/questions?key=${PUBLIC_KEY}`).expect(200)).body,
    );
    expect(sdk.questions.map((question) => question.id)).toEqual([created.id]);
  });
});

describe('alerts', () => {
  it('POST, GET …/alerts/channels(/:id), POST …/test, GET …/alerts/history', async () => {
    const receiver = await startHttpReceiver(() => 204);
    try {
      const made = alertChannelSchema.parse(
        (await post(`${PROJECT}/alerts/channels`, { type: 'webhook', url: receiver.url }).expect(201)).body,
      );
      const list = alertChannelsResponseSchema.parse((await get(`${PROJECT}/alerts/channels`).expect(200)).body);
      expect(list.channels.map((channel) => channel.id)).toContain(made.id);
      alertChannelSchema.parse((await get(`${PROJECT}/alerts/channels/${made.id}`).expect(200)).body);
      const test = alertTestResultSchema.parse(
        (await post(`${PROJECT}/alerts/channels/${made.id}/test`, {}).expect(200)).body,
      );
      expect(test.delivery.status).toBe('sent');
      const history = alertHistoryResponseSchema.parse(
        (await get(`${PROJECT}/alerts/history?limit=1`).expect(200)).body,
      );
      expect(history.alerts[0]?.deliveries[0]).toMatchObject({ channel_id: made.id, status: 'sent' });
    } finally {
      await receiver.close();
    }
  });

  it('POST, GET, PATCH …/alerts/rules(/:id), GET and PUT …/alerts/digest', async () => {
    const made = alertRuleSchema.parse(
      (
        await post(`${PROJECT}/alerts/rules`, { name: 'Releases', condition: { kind: 'release_regression' } }).expect(
          201,
        )
      ).body,
    );
    alertRuleSchema.parse((await get(`${PROJECT}/alerts/rules/${made.id}`).expect(200)).body);
    const list = alertRulesResponseSchema.parse((await get(`${PROJECT}/alerts/rules`).expect(200)).body);
    expect(list.rules.map((rule) => rule.id)).toContain(made.id);
    const patched = await request(server.app)
      .patch(`${PROJECT}/alerts/rules/${made.id}`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ enabled: false })
      .expect(200);
    expect(alertRuleSchema.parse(patched.body).enabled).toBe(false);
    const digest = digestResponseSchema.parse((await get(`${PROJECT}/alerts/digest`).expect(200)).body);
    expect(digest.preview.text).toContain('Top hotspots of the last 7 days');
    const saved = await request(server.app)
      .put(`${PROJECT}/alerts/digest`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ ...digest.settings, weekday: 5 })
      .expect(200);
    expect(digestSettingsSchema.parse(saved.body).weekday).toBe(5);
  });
});

describe('access', () => {
  it('GET /projects/:project/members, with an open invite', async () => {
    const body = membersResponseSchema.parse((await get(`${PROJECT}/members`).expect(200)).body);
    expect(body.members.map((member) => member.email)).toContain('lead@example.com');
    expect(body.invites.map((invite) => invite.email)).toEqual(['new@example.com']);
  });

  it('POST and GET /projects/:project/tokens', async () => {
    const made = createdApiTokenSchema.parse(
      (await post(`${PROJECT}/tokens`, { name: 'CI', scope: 'read' }).expect(201)).body,
    );
    const body = apiTokensResponseSchema.parse((await get(`${PROJECT}/tokens`).expect(200)).body);
    expect(body.tokens.map((token) => token.id)).toEqual([made.id]);
    const asToken = await request(server.app)
      .get('/api/v1/auth/session')
      .set('Authorization', `Bearer ${made.token}`)
      .expect(200);
    expect(authSessionSchema.parse(asToken.body).principal).toMatchObject({ kind: 'api_token', scope: 'read' });
  });

  it('GET /auth/session for the admin token and for a signed-in user', async () => {
    const asAdmin = authSessionSchema.parse((await get('/api/v1/auth/session').expect(200)).body);
    expect(asAdmin).toEqual({ principal: { kind: 'admin_token' }, csrf_token: null });
    const agent = request.agent(server.app);
    const login = await agent
      .post('/api/v1/auth/login')
      .send({ email: 'lead@example.com', password: PASSWORD })
      .expect(200);
    const signedIn = signedInSchema.parse(login.body);
    const session = authSessionSchema.parse((await agent.get('/api/v1/auth/session').expect(200)).body);
    expect(session).toEqual(signedIn);
    expect(session.principal).toMatchObject({ kind: 'user', projects: [{ project: 'default', role: 'admin' }] });
  });
});
