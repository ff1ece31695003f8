import { randomUUID } from 'node:crypto';
import {
  type AnswerEvent,
  answersResponseSchema,
  type Batch,
  hotspotsResponseSchema,
  publicQuestionsResponseSchema,
  type Question,
} from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBatch, uniqueId } from '../helpers/batches.js';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from '../helpers/test-store.js';

/**
 * Issue 15: answers travel as `answer` events, are checked against the project's questions
 * (a misfit is a 400 naming the field, and nothing of the batch is stored), scrubbed, stored
 * with the triggering signal's hotspot key, summarised on the hotspot and in the report,
 * listed and exported per question, and erased with the person.
 */

const PROJECT = '/api/v1/projects/default';
const PAY = { selector: '[data-testid="pay"]', tag: 'button', text: 'Pay now', test_id: 'pay' };
let server: TestServer;
let choice: Question;
let rating: Question;

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const get = (url: string) => request(server.app).get(url).set(admin);
const ingest = (batch: Batch) => request(server.app).post('/v1/ingest').set('X-Snag-Key', PUBLIC_KEY).send(batch);

/** A visit with a rage click on Pay now (from `makeBatch`) and the given answer events after it. */
function visit(answers: Array<Partial<AnswerEvent>>, options: { sessionId?: string; userId?: string } = {}) {
  const t = Date.now() - 60_000;
  const pageId = uniqueId('page');
  const url = 'https://shop.example/orders/8812';
  const events = answers.map(
    (answer, index) =>
      ({
        id: randomUUID(),
        t: t + 3_000 + index * 500,
        type: 'answer',
        page_id: pageId,
        url,
        question_id: choice.id,
        outcome: 'answered',
        kind: 'rage_click',
        signal_id: 'sig-1',
        element: PAY,
        ...answer,
      }) as AnswerEvent,
  );
  return makeBatch(
    { t, pageId, url, sentAt: Date.now(), sessionId: options.sessionId ?? uniqueId('sess'), userId: options.userId },
    events,
  );
}

async function storedRows(table: 'events' | 'answers', sessionId: string): Promise<number> {
  const rows = await server.store.query<{ n: number }>(
    `SELECT count() AS n FROM {db:Identifier}.{table:Identifier} WHERE session_id = {session:String}`,
    { table, session: sessionId },
  );
  return Number(rows[0]?.n);
}

beforeAll(async () => {
  server = await createTestServer();
  choice = (
    await request(server.app)
      .post(`${PROJECT}/questions`)
      .set(admin)
      .send({
        text: 'What did you expect?',
        type: 'choice',
        options: ['I thought it was a link', 'Nothing happened'],
        other: true,
        targeting: { kinds: ['rage_click'] },
      })
      .expect(201)
  ).body;
  rating = (
    await request(server.app)
      .post(`${PROJECT}/questions`)
      .set(admin)
      .send({ text: 'How hard was this?', type: 'rating', follow_up: 'Tell us more' })
      .expect(201)
  ).body;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('answer events at ingest', () => {
  it('stores answers with the hotspot key, scrubbed, and shows them on the hotspot and the question', async () => {
    const sessionId = uniqueId('sess');
    await ingest(
      visit(
        [
          { outcome: 'shown' },
          { choice: 'I thought it was a link' },
          { question_id: rating.id, outcome: 'shown' },
          { question_id: rating.id, rating: 2, text: 'write me at jane@example.com, the button does nothing' },
        ],
        { sessionId },
      ),
    ).expect(202);
    await ingest(visit([{ outcome: 'shown' }, { outcome: 'dismissed' }])).expect(202);

    const rows = await server.store.query<Record<string, unknown>>(
      `SELECT path_pattern, element_key, signal_kind, outcome, choice, rating, text, anonymous_id, signal_id
       FROM {db:Identifier}.answers FINAL WHERE session_id = {session:String} AND outcome = 'answered' ORDER BY client_time`,
      { session: sessionId },
    );
    expect(rows).toEqual([
      expect.objectContaining({
        path_pattern: '/orders/:id',
        element_key: '[data-testid="pay"]',
        signal_kind: 'rage_click',
        choice: 'I thought it was a link',
        anonymous_id: 'anon-1',
        signal_id: 'sig-1',
      }),
      expect.objectContaining({ rating: 2, text: 'write me at [email], the button does nothing' }),
    ]);

    const hotspots = hotspotsResponseSchema.parse((await get(`${PROJECT}/hotspots?kind=rage_click`).expect(200)).body);
    const pay = hotspots.hotspots.find((hotspot) => hotspot.element?.key === '[data-testid="pay"]');
    expect(pay?.answers).toMatchObject({
      shown: 3,
      answered: 2,
      dismissed: 1,
      choices: [{ choice: 'I thought it was a link', count: 1 }],
      ratings: { count: 1, mean: 2 },
      quotes: [{ text: 'write me at [email], the button does nothing', session_id: sessionId }],
    });
    const quote = pay?.answers?.quotes[0];
    expect(quote?.offset_ms).toBe(4_500);
    expect(quote?.replay).toBe(`/api/v1/projects/default/sessions/${sessionId}/replay#t=4500`);

    const answers = answersResponseSchema.parse(
      (await get(`${PROJECT}/questions/${choice.id}/answers`).expect(200)).body,
    );
    expect(answers.summary).toMatchObject({ shown: 2, answered: 1, dismissed: 1, response_rate: 0.5 });
    expect(answers.answers.map((answer) => answer.outcome).sort()).toEqual(['answered', 'dismissed', 'shown', 'shown']);
    const filtered = await get(`${PROJECT}/questions/${choice.id}/answers?kind=dead_click`).expect(200);
    expect(filtered.body.answers).toEqual([]);
    const csv = await get(`${PROJECT}/questions/${choice.id}/answers?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'time,outcome,choice,rating,text,path,release,signal_kind,element,session_id,person,replay',
    );
    expect(csv.text).toContain(',answered,I thought it was a link,,,/orders/8812,');

    const markdown = await get(`${PROJECT}/report?format=md`).expect(200);
    expect(markdown.text).toContain('## What people said');
    expect(markdown.text).toContain('- I thought it was a link: 1');
    expect(markdown.text).toContain('> write me at [email], the button does nothing — [replay](');
    const reportCsv = await get(`${PROJECT}/report?format=csv`).expect(200);
    expect(reportCsv.text.split('\r\n')[0]).toContain(
      ',asked,answered,dismissed,answer_choices,mean_rating,what_people_said',
    );
    expect(reportCsv.text).toContain('I thought it was a link: 1');

    const session = (await get(`${PROJECT}/sessions/${sessionId}`).expect(200)).body;
    expect(session.events.filter((event: { type: string }) => event.type === 'answer')).toHaveLength(4);
  });

  it('refuses a misfit answer with a 400 naming the field, and stores nothing of the batch', async () => {
    const paused = (
      await request(server.app)
        .post(`${PROJECT}/questions`)
        .set(admin)
        .send({ text: 'Paused one', type: 'text', status: 'paused' })
        .expect(201)
    ).body;
    const cases: Array<[Partial<AnswerEvent>, string, string]> = [
      [{ question_id: 'q_nope', outcome: 'shown' }, 'events.6.question_id', 'invalid_answer'],
      [{ question_id: paused.id, text: 'hello' }, 'events.6.question_id', 'invalid_answer'],
      [{ choice: 'Free shipping' }, 'events.6.choice', 'invalid_answer'],
      [{ rating: 3 }, 'events.6.rating', 'invalid_answer'],
      [{ choice: 'Nothing happened', text: 'x'.repeat(1_001) }, 'events.6.text', 'invalid_batch'],
      [{ choice: 'Nothing happened', text: 'why not' }, 'events.6.text', 'invalid_answer'],
      [{}, 'events.6.outcome', 'invalid_batch'],
      [{ outcome: 'dismissed', choice: 'Nothing happened' }, 'events.6.outcome', 'invalid_batch'],
    ];
    for (const [answer, path, error] of cases) {
      const sessionId = uniqueId('bad');
      const response = await ingest(visit([answer], { sessionId })).expect(400);
      expect(response.body, JSON.stringify(answer)).toMatchObject({ error, path });
      expect(await storedRows('events', sessionId)).toBe(0);
      expect(await storedRows('answers', sessionId)).toBe(0);
    }
    // "Other" takes text when the question offers it.
    await ingest(visit([{ choice: '@other', text: 'I wanted to compare prices' }])).expect(202);
  });

  it('erases a person’s answers with their sessions', async () => {
    const sessionId = uniqueId('sess');
    await ingest(visit([{ choice: 'Nothing happened' }], { sessionId, userId: 'erase-me' })).expect(202);
    expect(await storedRows('answers', sessionId)).toBe(1);
    await request(server.app).delete(`${PROJECT}/people/erase-me`).set(admin).expect(200);
    expect(await storedRows('answers', sessionId)).toBe(0);
    expect(await storedRows('events', sessionId)).toBe(0);
  });
});

describe('GET /v1/questions (the SDK’s read)', () => {
  it('lists the live questions for a public key, cacheable with an ETag', async () => {
    const first = await request(server.app).get(`/v1/questions?key=${PUBLIC_KEY}`).expect(200);
    const body = publicQuestionsResponseSchema.parse(first.body);
    expect(body.questions.map((question) => question.id).sort()).toEqual([choice.id, rating.id].sort());
    expect(body.questions.find((question) => question.id === choice.id)).toMatchObject({
      options: ['I thought it was a link', 'Nothing happened'],
      kinds: ['rage_click'],
    });
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    await request(server.app)
      .get(`/v1/questions?key=${PUBLIC_KEY}`)
      .set('If-None-Match', first.headers.etag ?? '')
      .expect(304);
    await request(server.app)
      .patch(`${PROJECT}/questions/${rating.id}`)
      .set(admin)
      .send({ status: 'paused' })
      .expect(200);
    const after = await request(server.app).get(`/v1/questions?key=${PUBLIC_KEY}`).expect(200);
    expect(after.body.questions.map((question: { id: string }) => question.id)).toEqual([choice.id]);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    await request(server.app).get('/v1/questions?key=pk_nope').expect(401);
    await request(server.app).get('/v1/questions').expect(401);
  });

  it('serves the question module: the chunk with the live questions bound in, or an empty module', async () => {
    const live = await request(server.app).get(`/v1/questions.js?key=${PUBLIC_KEY}`).expect(200);
    expect(live.headers['content-type']).toMatch(/^application\/javascript/);
    expect(live.headers['cache-control']).toBe('public, max-age=60');
    expect(live.headers['access-control-allow-origin']).toBe('*');
    expect(live.text).toContain('__snagQuestions=');
    expect(live.text).toContain(`export default window.__snagQuestions.bind(null, [{"id":"${choice.id}"`);
    await request(server.app)
      .patch(`${PROJECT}/questions/${choice.id}`)
      .set(admin)
      .send({ status: 'paused' })
      .expect(200);
    const none = await request(server.app).get(`/v1/questions.js?key=${PUBLIC_KEY}`).expect(200);
    expect(none.text).toBe('// No question is being asked in this project.\nexport default () => {};\n');
    await request(server.app).get('/v1/questions.js?key=pk_nope').expect(401);
  });
});
