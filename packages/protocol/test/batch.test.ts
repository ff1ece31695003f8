import { describe, expect, it } from 'vitest';
import { batchSchema, eventSchema, MAX_EVENTS_PER_BATCH, SIGNAL_KINDS } from '../src/index.js';

const t = Date.UTC(2026, 10, 23, 12);
const base = { id: 'evt_1', t, page_id: 'pg_1', url: 'https://shop.example/cart' };

describe('batchSchema', () => {
  const batch = {
    v: 1,
    sdk: { name: 'snag-js', version: '0.1.0' },
    sent_at: t + 1_000,
    session: { id: 'sess_1', anonymous_id: 'anon_1' },
    events: [{ ...base, type: 'page', navigation: 'navigate', viewport: { width: 1280, height: 720 } }],
  };

  it('accepts a minimal batch and keeps it as sent', () => {
    expect(batchSchema.parse(batch)).toEqual(batch);
  });

  it('refuses unknown keys, other versions, empty and oversized event lists', () => {
    expect(batchSchema.safeParse({ ...batch, extra: 1 }).success).toBe(false);
    expect(batchSchema.safeParse({ ...batch, v: 2 }).success).toBe(false);
    expect(batchSchema.safeParse({ ...batch, events: [] }).success).toBe(false);
    const many = Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => batch.events[0]);
    expect(batchSchema.safeParse({ ...batch, events: many }).success).toBe(false);
  });
});

describe('eventSchema', () => {
  const element = { selector: '#pay', tag: 'button', text: 'Pay' };

  it('accepts every signal kind with an element and scalar details', () => {
    for (const kind of SIGNAL_KINDS) {
      const event = { ...base, type: 'signal', kind, element, details: { clicks: 4, message: 'x', ok: false } };
      expect(eventSchema.safeParse(event).success, kind).toBe(true);
    }
    expect(eventSchema.safeParse({ ...base, type: 'signal', kind: 'angry_click', element }).success).toBe(false);
  });

  it('requires replay payloads to match their encoding', () => {
    const replay = { ...base, type: 'replay', seq: 0, full_snapshot: true };
    const rrweb = [{ type: 4, data: {}, timestamp: t }];
    expect(eventSchema.safeParse({ ...replay, encoding: 'json', events: rrweb }).success).toBe(true);
    expect(eventSchema.safeParse({ ...replay, encoding: 'gzip-base64', data: 'H4sI' }).success).toBe(true);
    expect(eventSchema.safeParse({ ...replay, encoding: 'json', data: 'H4sI' }).success).toBe(false);
    expect(eventSchema.safeParse({ ...replay, encoding: 'gzip-base64', events: rrweb }).success).toBe(false);
  });

  it('caps element text at 60 characters and refuses non-http URLs', () => {
    const click = { ...base, type: 'click', x: 1, y: 2 };
    expect(eventSchema.safeParse({ ...click, element: { ...element, text: 'x'.repeat(60) } }).success).toBe(true);
    expect(eventSchema.safeParse({ ...click, element: { ...element, text: 'x'.repeat(61) } }).success).toBe(false);
    expect(eventSchema.safeParse({ ...click, element, url: 'data:text/html,hi' }).success).toBe(false);
  });

  it('takes an answer with what became of the question, and an answer only when answered', () => {
    const answer = { ...base, type: 'answer', question_id: 'q_1', signal_id: 'sig_1', kind: 'rage_click', element };
    expect(eventSchema.safeParse({ ...answer, outcome: 'shown' }).success).toBe(true);
    expect(eventSchema.safeParse({ ...answer, outcome: 'answered', choice: 'Too slow' }).success).toBe(true);
    expect(eventSchema.safeParse({ ...answer, outcome: 'answered', rating: 4, text: 'ok' }).success).toBe(true);
    expect(eventSchema.safeParse({ ...answer, outcome: 'answered' }).success).toBe(false);
    expect(eventSchema.safeParse({ ...answer, outcome: 'dismissed', rating: 2 }).success).toBe(false);
    expect(eventSchema.safeParse({ ...answer, outcome: 'answered', rating: 6 }).success).toBe(false);
    expect(eventSchema.safeParse({ ...answer, outcome: 'answered', text: 'x'.repeat(1_001) }).success).toBe(false);
  });

  it('refuses timestamps that are not milliseconds since 2020', () => {
    const page = { ...base, type: 'page', navigation: 'spa', viewport: { width: 1, height: 1 } };
    expect(eventSchema.safeParse({ ...page, t: Math.floor(t / 1000) }).success).toBe(false);
    expect(eventSchema.safeParse({ ...page, t: t + 0.5 }).success).toBe(false);
  });
});
