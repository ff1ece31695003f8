import { randomUUID } from 'node:crypto';
import { type AnswerEvent, questionsResponseSchema, recordingSettingsResponseSchema } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBatch, uniqueId } from '../helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from '../helpers/test-store.js';

/**
 * Issue 14 part 3: a project's recording settings are read by every role and changed by admins
 * through `…/settings/recording`, validated field by field, with who changed them and when kept
 * for every change. The feedback tab's question (issue 15) follows them.
 */

const SETTINGS = '/api/v1/projects/default/settings/recording';
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
let server: TestServer;
let reader: Record<string, string>;
let adminApi: { headers: Record<string, string>; id: string };

const put = (body: object, as: Record<string, string> = admin) => request(server.app).put(SETTINGS).set(as).send(body);

beforeAll(async () => {
  server = await createTestServer();
  const token = async (scope: 'read' | 'admin') =>
    (
      await request(server.app)
        .post('/api/v1/projects/default/tokens')
        .set(admin)
        .send({ name: `${scope} tool`, scope })
        .expect(201)
    ).body as { token: string; id: string };
  reader = { Authorization: `Bearer ${(await token('read')).token}` };
  const made = await token('admin');
  adminApi = { headers: { Authorization: `Bearer ${made.token}` }, id: made.id };
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('recording settings API', () => {
  it('starts with the defaults, read by every role', async () => {
    const body = recordingSettingsResponseSchema.parse(
      (await request(server.app).get(SETTINGS).set(reader).expect(200)).body,
    );
    expect(body).toMatchObject({
      project: 'default',
      replay: 'always',
      replay_sample_rate: 1,
      replay_buffer_ms: 60_000,
      mask_selectors: [],
      block_selectors: [],
      feedback: { enabled: false, label: 'Feedback', question: 'What were you trying to do?' },
      updated_by: null,
      updated_at: null,
    });
    expect(body.triggers).toContain('rage_click');
    expect(body.triggers).toContain('error');
  });

  it('lets admins change the fields they name, keeping the others, and says who did it and when', async () => {
    const before = Date.now();
    const first = recordingSettingsResponseSchema.parse(
      (await put({ replay: 'on-struggle', mask_selectors: ['.account-name', '[data-private] > p'] }).expect(200)).body,
    );
    expect(first).toMatchObject({ replay: 'on-struggle', replay_sample_rate: 1, updated_by: 'admin_token' });
    expect(Date.parse(first.updated_at ?? '')).toBeGreaterThanOrEqual(before);

    const second = recordingSettingsResponseSchema.parse(
      (
        await put(
          { replay_sample_rate: 0.25, triggers: ['rage_click', 'rage_click', 'error'] },
          adminApi.headers,
        ).expect(200)
      ).body,
    );
    expect(second).toMatchObject({
      replay: 'on-struggle',
      replay_sample_rate: 0.25,
      triggers: ['rage_click', 'error'],
      mask_selectors: ['.account-name', '[data-private] > p'],
      updated_by: `token:${adminApi.id}`,
    });
    expect(Date.parse(second.updated_at ?? '')).toBeGreaterThan(Date.parse(first.updated_at ?? ''));
    const read = recordingSettingsResponseSchema.parse(
      (await request(server.app).get(SETTINGS).set(reader).expect(200)).body,
    );
    expect(read).toEqual(second);

    // Every change stays in the table as the settings' history.
    const rows = await server.store.query<{ updated_by: string }>(
      `SELECT updated_by FROM {db:Identifier}.project_recording_settings
       WHERE project_id = 'default' ORDER BY updated_at`,
    );
    expect(rows.map((row) => row.updated_by)).toEqual(['admin_token', `token:${adminApi.id}`]);
  });

  it('refuses a change from a read-only role, and changes nothing', async () => {
    const before = (await request(server.app).get(SETTINGS).set(admin).expect(200)).body;
    const refused = await put({ replay: 'off' }, reader).expect(403);
    expect(refused.body.error).toBe('forbidden');
    expect((await request(server.app).get(SETTINGS).set(admin).expect(200)).body).toEqual(before);
  });

  it.each([
    [{ replay: 'sometimes' }, 'replay'],
    [{ replay_sample_rate: 1.5 }, 'replay_sample_rate'],
    [{ triggers: ['quick_back'] }, 'triggers.0'],
    [{ replay_buffer_ms: 1_000 }, 'replay_buffer_ms'],
    [{ mask_selectors: ['.ok', 'div { color: red }'] }, 'mask_selectors.1'],
    [{ block_selectors: ['input[name="card"'] }, 'block_selectors.0'],
    [{ block_selectors: ['> .orphan'] }, 'block_selectors.0'],
    [{ mask_selectors: Array.from({ length: 21 }, (_, index) => `.m${index}`) }, 'mask_selectors'],
    [{ mask_selectors: [`.${'x'.repeat(250)}`] }, 'mask_selectors.0'],
    [{ feedback: { label: '   ' } }, 'feedback.label'],
    [{ feedback: { question: 'q'.repeat(201) } }, 'feedback.question'],
    [{ colour: 'blue' }, ''],
  ])('answers %j with a 400 naming %s, and stores nothing', async (body, path) => {
    const before = (await request(server.app).get(SETTINGS).set(admin).expect(200)).body;
    const refused = await put(body).expect(400);
    expect(refused.body).toMatchObject({ error: 'invalid_request', path });
    if (path) expect(refused.body.message).toMatch(new RegExp(`^${path.replace('.', '\\.')}: `));
    expect((await request(server.app).get(SETTINGS).set(admin).expect(200)).body).toEqual(before);
  });

  it('answers 404 for a project that does not exist', async () => {
    await request(server.app).get('/api/v1/projects/nope/settings/recording').set(admin).expect(404);
  });
});

describe('the feedback tab question', () => {
  const answer = (text: string) => {
    const t = Date.now() - 30_000;
    const pageId = uniqueId('page');
    const url = 'https://shop.example/cart';
    const event = { id: randomUUID(), t, type: 'answer', page_id: pageId, url, question_id: 'q_feedback' };
    return makeBatch({ t, pageId, url, sessionId: uniqueId('sess') }, [
      { ...event, outcome: 'answered', text } as AnswerEvent,
    ]);
  };
  const ingest = (batch: object) => request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch);

  it('is a free-text question that takes answers only while the tab is on, and is edited only in the settings', async () => {
    const refusedBefore = await ingest(answer('Looking for the returns policy')).expect(400);
    expect(refusedBefore.body.path).toMatch(/^events\.\d+\.question_id$/);

    await put({ feedback: { enabled: true, question: 'What brought you here today?' } }).expect(200);
    const listed = questionsResponseSchema.parse(
      (await request(server.app).get('/api/v1/projects/default/questions').set(reader).expect(200)).body,
    );
    expect(listed.questions.find((question) => question.id === 'q_feedback')).toMatchObject({
      text: 'What brought you here today?',
      type: 'text',
      status: 'active',
    });
    await ingest(answer('Looking for the returns policy')).expect(202);
    const answers = await request(server.app)
      .get('/api/v1/projects/default/questions/q_feedback/answers')
      .set(reader)
      .expect(200);
    expect(answers.body.answers.map((row: { text: string }) => row.text)).toEqual(['Looking for the returns policy']);

    // Not a struggle question: the SDK's question list leaves it out.
    const live = await request(server.app).get(`/v1/questions?key=${PUBLIC_KEY}`).expect(200);
    expect(live.body.questions.map((question: { id: string }) => question.id)).not.toContain('q_feedback');
    const patched = await request(server.app)
      .patch('/api/v1/projects/default/questions/q_feedback')
      .set(admin)
      .send({ text: 'Anything else?' })
      .expect(409);
    expect(patched.body.error).toBe('managed_by_settings');
    await request(server.app).delete('/api/v1/projects/default/questions/q_feedback').set(admin).expect(409);

    await put({ feedback: { enabled: false } }).expect(200);
    await ingest(answer('Too late')).expect(400);
  });
});
