import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as enums from '../src/enums.js';
import {
  authSessionSchema,
  DEVICE_CLASSES,
  hotspotSchema,
  SIGNAL_KINDS,
  sessionDocumentSchema,
  trendsResponseSchema,
} from '../src/index.js';

const hotspot = {
  path: '/checkout',
  kind: 'rage_click',
  element: {
    key: 'pay',
    selector: '[data-testid="pay"]',
    tag: 'button',
    text: 'Pay now',
    name: 'Pay now',
    role: 'button',
  },
  impact: 3,
  occurrences: 4,
  sessions: 2,
  users: 2,
  page_sessions: 10,
  affected_share: 0.2,
  abandoned_sessions: 1,
  abandonment: 0.5,
  first_seen: '2026-03-01T10:00:00.000Z',
  last_seen: '2026-03-01T11:00:00.000Z',
  trend: { previous_sessions: 0, previous_occurrences: 0, change: null },
  examples: [{ session_id: 's1', offset_ms: 1200, replay: '/api/v1/projects/p/sessions/s1/replay#t=1200' }],
  explanation: [
    {
      kind: 'what',
      text: '14 rapid presses on “Pay” by 2 of 10 visitors of /checkout.',
      links: [{ text: '2 of 10 visitors', sessions: { path: '/checkout', kind: 'rage_click', element: '#pay' } }],
    },
  ],
  answers: {
    shown: 4,
    answered: 2,
    dismissed: 1,
    response_rate: 0.5,
    dismissal_rate: 0.25,
    choices: [{ choice: 'I thought it was a link', count: 2 }],
    ratings: { count: 0, mean: null },
    quotes: [
      {
        text: 'nothing happened',
        question_id: 'q_1',
        session_id: 's1',
        time: '2026-03-01T10:00:05.000Z',
        offset_ms: 5200,
        replay: '/api/v1/projects/p/sessions/s1/replay#t=5200',
      },
    ],
  },
};

describe('enumerations', () => {
  it('are plain arrays in a module without imports, so browser bundles get no zod', () => {
    const source = readFileSync(new URL('../src/enums.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(enums.SIGNAL_KINDS).toBe(SIGNAL_KINDS);
    expect(enums.DEVICE_CLASSES).toBe(DEVICE_CLASSES);
  });
});

describe('read API schemas', () => {
  it('accept an answer as the server writes it', () => {
    expect(hotspotSchema.parse(hotspot)).toEqual(hotspot);
  });

  it('refuse an extra field, a missing one, an unknown kind and a non-ISO time', () => {
    expect(hotspotSchema.safeParse({ ...hotspot, rank: 1 }).success).toBe(false);
    const { impact: _impact, ...missing } = hotspot;
    expect(hotspotSchema.safeParse(missing).success).toBe(false);
    expect(hotspotSchema.safeParse({ ...hotspot, kind: 'angry_click' }).success).toBe(false);
    expect(hotspotSchema.safeParse({ ...hotspot, first_seen: '2026-03-01 10:00:00' }).success).toBe(false);
  });

  it('count signals by known kinds only', () => {
    const answer = {
      project: 'p',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
      interval: 'day',
      tz: 'UTC',
      buckets: [
        {
          start: '2026-03-01T00:00:00.000Z',
          label: '2026-03-01T00:00',
          sessions: 2,
          struggling_sessions: 1,
          struggle_share: 0.5,
          signals: { rage_click: 1 },
        },
      ],
    };
    expect(trendsResponseSchema.safeParse(answer).success).toBe(true);
    const [bucket] = answer.buckets;
    const unknownKind = { ...answer, buckets: [{ ...bucket, signals: { angry_click: 1 } }] };
    expect(trendsResponseSchema.safeParse(unknownKind).success).toBe(false);
  });

  it('tell SDK signals from journey signals in a session document', () => {
    const time = '2026-03-01T10:00:05.000Z';
    const stored = { time, path: '/help', path_pattern: '/help' };
    const document = {
      session: {
        id: 's1',
        project_id: 'p',
        start: '2026-03-01T10:00:00.000Z',
        end: time,
        duration_ms: 5000,
        pages: 1,
        events: 2,
        signals: 1,
        errors: 0,
        user_id: '',
        anonymous_id: 'a1',
        browser: 'Chrome',
        browser_version: '126',
        os: 'Windows',
        device: 'desktop',
        release: '',
        entry_url: 'https://shop.example/help',
        exit_url: 'https://shop.example/help',
        replay_chunks: 0,
        replay_kept: null,
      },
      events: [
        {
          id: 'e1',
          t: 1_772_359_200_000,
          type: 'page',
          page_id: 'pg1',
          url: 'https://shop.example/help',
          navigation: 'navigate',
          viewport: { width: 1280, height: 800 },
          ...stored,
        },
      ],
      signals: [
        { id: 'quick_back:pg1', type: 'signal', kind: 'quick_back', t: 1_772_359_205_000, page_id: 'pg1', ...stored },
      ],
    };
    expect(sessionDocumentSchema.safeParse(document).success).toBe(true);
    const [page] = document.events;
    const withoutPath = { ...document, events: [{ ...page, path: undefined }] };
    expect(sessionDocumentSchema.safeParse(withoutPath).success).toBe(false);
  });

  it('allow no CSRF token with a bearer token', () => {
    expect(authSessionSchema.parse({ principal: { kind: 'admin_token' }, csrf_token: null }).csrf_token).toBeNull();
    expect(authSessionSchema.safeParse({ principal: { kind: 'root' }, csrf_token: null }).success).toBe(false);
  });
});
