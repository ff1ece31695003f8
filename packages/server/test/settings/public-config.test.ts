import { publicConfigSchema } from '@snag/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestServer, PUBLIC_KEY, type TestServer } from '../helpers/test-store.js';

/**
 * The SDK's start-up read: `/v1/config` (JSON) and `/v1/config.js` (the module the script-tag
 * core imports once per page), public and key-scoped like ingest, cacheable with an ETag, and
 * exposing nothing but what the SDK needs.
 */

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const SETTINGS = '/api/v1/projects/default/settings/recording';
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('GET /v1/config', () => {
  it('answers the defaults, cacheable, to any origin', async () => {
    const res = await request(server.app).get(`/v1/config?key=${PUBLIC_KEY}`).set('Origin', 'https://shop.example');
    expect(res.status).toBe(200);
    expect(publicConfigSchema.parse(res.body)).toEqual({
      recording: {
        replay: 'always',
        replay_sample_rate: 1,
        triggers: expect.arrayContaining(['rage_click', 'error', 'answer']),
        replay_buffer_ms: 60_000,
        mask_selectors: [],
        block_selectors: [],
      },
      feedback: null,
    });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers.etag).toMatch(/^"[\w-]{22}"$/);
    const preflight = await request(server.app).options(`/v1/config?key=${PUBLIC_KEY}`).expect(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, OPTIONS');
  });

  it('answers 304 to its ETag, and a new body and ETag once an admin changes the settings', async () => {
    const first = await request(server.app).get(`/v1/config?key=${PUBLIC_KEY}`).expect(200);
    await request(server.app)
      .get(`/v1/config?key=${PUBLIC_KEY}`)
      .set('If-None-Match', first.headers.etag ?? '')
      .expect(304);
    await request(server.app)
      .put(SETTINGS)
      .set(admin)
      .send({
        replay: 'on-struggle',
        replay_sample_rate: 0.5,
        mask_selectors: ['.account-name', '#card'],
        block_selectors: ['iframe.chat'],
        feedback: { enabled: true, label: 'Tell us', question: 'What were you trying to do?' },
      })
      .expect(200);
    const after = await request(server.app)
      .get(`/v1/config?key=${PUBLIC_KEY}`)
      .set('If-None-Match', first.headers.etag ?? '')
      .expect(200);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(publicConfigSchema.parse(after.body)).toMatchObject({
      recording: {
        replay: 'on-struggle',
        replay_sample_rate: 0.5,
        mask_selectors: ['.account-name', '#card'],
        block_selectors: ['iframe.chat'],
      },
      feedback: { question_id: 'q_feedback', label: 'Tell us', text: 'What were you trying to do?' },
    });
    // Nothing about who changed it or when: the SDK does not need it and pages are public.
    expect(after.text).not.toMatch(/updated_by|updated_at|admin_token|project/);
  });

  it('refuses a missing or unknown key with a 401', async () => {
    expect((await request(server.app).get('/v1/config').expect(401)).body.error).toBe('missing_key');
    expect((await request(server.app).get('/v1/config?key=pk_nope').expect(401)).body.error).toBe('unknown_key');
    const unknown = await request(server.app).get('/v1/config.js?key=pk_nope').expect(401);
    expect(unknown.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('GET /v1/config.js', () => {
  it('is the config and the question chunk while the feedback tab is on, cacheable with an ETag', async () => {
    const res = await request(server.app).get(`/v1/config.js?key=${PUBLIC_KEY}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const json = (await request(server.app).get(`/v1/config?key=${PUBLIC_KEY}`)).text;
    expect(res.text.startsWith(`export const config = ${json};\n`)).toBe(true);
    expect(res.text).toContain('__snagStart=');
    expect(res.text).toContain('const start = window.__snagStart.bind(null, [], config.feedback);\n');
    expect(res.text).toMatch(
      /export default \(ctx, onStop\) => \{\n {2}ctx\.options\.remote = config\.recording;\n {2}return start\(ctx, onStop\);\n\};\n$/,
    );
    await request(server.app)
      .get(`/v1/config.js?key=${PUBLIC_KEY}`)
      .set('If-None-Match', res.headers.etag ?? '')
      .expect(304);
  });

  it('leaves the chunk out when no question is live and the tab is off', async () => {
    await request(server.app)
      .put(SETTINGS)
      .set(admin)
      .send({ feedback: { enabled: false } })
      .expect(200);
    const res = await request(server.app).get(`/v1/config.js?key=${PUBLIC_KEY}`).expect(200);
    expect(res.text).not.toContain('__snagStart');
    expect(res.text).toMatch(/^export const config = \{"recording":\{"replay":"on-struggle"/);
    expect(res.text).toMatch(/export default \(ctx\) => \{\n {2}ctx\.options\.remote = config\.recording;\n\};\n$/);
  });
});
