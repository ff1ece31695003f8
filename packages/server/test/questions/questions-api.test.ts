import { questionSchema, questionsResponseSchema } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestServer, type TestServer } from '../helpers/test-store.js';

/** Issue 15: questions are created, read, edited and deleted through the API, with clear 400s. */

const QUESTIONS = '/api/v1/projects/default/questions';
let server: TestServer;
let readToken = '';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const create = (body: object) => request(server.app).post(QUESTIONS).set(admin).send(body);

beforeAll(async () => {
  server = await createTestServer();
  const made = await request(server.app)
    .post('/api/v1/projects/default/tokens')
    .set(admin)
    .send({ name: 'reader', scope: 'read' })
    .expect(201);
  readToken = made.body.token;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('questions API', () => {
  it('creates a choice question with defaults, lists it, reads it, edits it and deletes it', async () => {
    const created = await create({
      text: 'What did you expect to happen?',
      type: 'choice',
      options: ['I thought it was a link', 'Nothing happened', 'Too slow'],
      other: true,
      targeting: { kinds: ['rage_click', 'dead_click'], paths: ['/checkout'] },
    }).expect(201);
    const question = questionSchema.parse(created.body);
    expect(question).toMatchObject({
      project: 'default',
      status: 'active',
      sample_rate: 1,
      delay_ms: 800,
      follow_up: null,
      targeting: { kinds: ['rage_click', 'dead_click'], paths: ['/checkout'], hotspot: null, release: null },
    });
    expect(question.id).toMatch(/^q_/);

    const list = questionsResponseSchema.parse((await request(server.app).get(QUESTIONS).set(admin).expect(200)).body);
    expect(list.questions.map((entry) => entry.id)).toContain(question.id);

    const patched = await request(server.app)
      .patch(`${QUESTIONS}/${question.id}`)
      .set(admin)
      .send({ status: 'paused', sample_rate: 0.25 })
      .expect(200);
    expect(questionSchema.parse(patched.body)).toMatchObject({
      status: 'paused',
      sample_rate: 0.25,
      text: question.text,
      created_at: question.created_at,
    });
    const read = await request(server.app).get(`${QUESTIONS}/${question.id}`).set(admin).expect(200);
    expect(read.body.status).toBe('paused');

    await request(server.app).delete(`${QUESTIONS}/${question.id}`).set(admin).expect(204);
    await request(server.app).get(`${QUESTIONS}/${question.id}`).set(admin).expect(404);
    const after = await request(server.app).get(QUESTIONS).set(admin).expect(200);
    expect(after.body.questions.map((entry: { id: string }) => entry.id)).not.toContain(question.id);
  });

  it('answers a bad question with a 400 naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ type: 'rating' }, 'text'],
      [{ text: 'Why?', type: 'choice', options: ['a'] }, 'options'],
      [{ text: 'Why?', type: 'choice', options: ['1', '2', '3', '4', '5', '6', '7'] }, 'options'],
      [{ text: 'Why?', type: 'choice', options: ['same', 'same'] }, 'options'],
      [{ text: 'Why?', type: 'rating', options: ['x'] }, 'options'],
      [{ text: 'Why?', type: 'text', other: true }, 'other'],
      [{ text: 'Why?', type: 'text', targeting: { kinds: ['sad_click'] } }, 'targeting.kinds.0'],
      [{ text: 'Why?', type: 'text', targeting: { paths: ['checkout'] } }, 'targeting.paths.0'],
      [{ text: 'Why?', type: 'text', sample_rate: 2 }, 'sample_rate'],
      [{ text: 'Why?', type: 'text', delay_ms: 60_000 }, 'delay_ms'],
      [{ text: 'Why?', type: 'text', starts_at: '2026-03-02T00:00:00Z', ends_at: '2026-03-01T00:00:00Z' }, 'ends_at'],
      [{ text: 'Why?', type: 'text', colour: 'red' }, ''],
    ];
    for (const [body, path] of cases) {
      const response = await create(body).expect(400);
      expect(response.body.path, JSON.stringify(body)).toBe(path);
    }
    const question = (await create({ text: 'How easy was this?', type: 'rating' }).expect(201)).body;
    const patch = await request(server.app)
      .patch(`${QUESTIONS}/${question.id}`)
      .set(admin)
      .send({ options: ['a', 'b'] })
      .expect(400);
    expect(patch.body).toMatchObject({ error: 'invalid_request', path: 'options' });
    await request(server.app).patch(`${QUESTIONS}/q_unknown`).set(admin).send({ status: 'paused' }).expect(404);
  });

  it('lets every role read and only admins write', async () => {
    const reader = { Authorization: `Bearer ${readToken}` };
    const question = (await create({ text: 'Anything missing?', type: 'text' }).expect(201)).body;
    await request(server.app).get(QUESTIONS).set(reader).expect(200);
    await request(server.app).get(`${QUESTIONS}/${question.id}/answers`).set(reader).expect(200);
    await request(server.app).post(QUESTIONS).set(reader).send({ text: 'Hi', type: 'text' }).expect(403);
    await request(server.app).patch(`${QUESTIONS}/${question.id}`).set(reader).send({ status: 'paused' }).expect(403);
    await request(server.app).delete(`${QUESTIONS}/${question.id}`).set(reader).expect(403);
    await request(server.app).get('/api/v1/projects/other/questions').set(reader).expect(404);
  });
});
