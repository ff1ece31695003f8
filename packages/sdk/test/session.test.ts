import { describe, expect, it } from 'vitest';
import { SESSION_INACTIVITY_MS, SESSION_MAX_DURATION_MS } from '../src/constants.js';
import { createSessions } from '../src/session/session.js';
import { memoryStore } from '../src/util/storage.js';

function clock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const ALL = { sampleRate: 1, replaySampleRate: 1 };

describe('session', () => {
  it('is shared by every instance on the same storage (reloads, tabs)', () => {
    const store = memoryStore();
    const time = clock();
    const first = createSessions(store, ALL, time.now);
    time.advance(60_000);
    const second = createSessions(store, ALL, time.now);
    expect(second.current().id).toBe(first.current().id);
    expect(second.anonymousId).toBe(first.anonymousId);
  });

  it('ends after 30 minutes without activity, keeping the anonymous id', () => {
    const store = memoryStore();
    const time = clock();
    const sessions = createSessions(store, ALL, time.now);
    const { id } = sessions.current();
    time.advance(SESSION_INACTIVITY_MS - 1_000);
    expect(sessions.touch().id).toBe(id);
    time.advance(SESSION_INACTIVITY_MS - 1_000);
    expect(sessions.touch().id).toBe(id);
    time.advance(SESSION_INACTIVITY_MS);
    const renewed = sessions.touch();
    expect(renewed.id).not.toBe(id);
    expect(createSessions(store, ALL, time.now).anonymousId).toBe(sessions.anonymousId);
  });

  it('ends after the maximum duration even when active', () => {
    const time = clock();
    const sessions = createSessions(memoryStore(), ALL, time.now);
    const { id } = sessions.current();
    for (let elapsed = 0; elapsed <= SESSION_MAX_DURATION_MS; elapsed += 10 * 60_000) {
      time.advance(10 * 60_000);
      sessions.touch();
    }
    expect(sessions.current().id).not.toBe(id);
  });

  it('decides sampling once per session and keeps it across reloads', () => {
    const store = memoryStore();
    const time = clock();
    const out = createSessions(store, { sampleRate: 0.5, replaySampleRate: 1 }, time.now, () => 0.9);
    expect(out.current()).toMatchObject({ sampled: false, replay: false });
    const again = createSessions(store, { sampleRate: 0.5, replaySampleRate: 1 }, time.now, () => 0.1);
    expect(again.current().sampled).toBe(false);
  });

  it('keeps the user id across instances', () => {
    const store = memoryStore();
    createSessions(store, ALL).userId = 'user-1';
    expect(createSessions(store, ALL).userId).toBe('user-1');
  });
});
