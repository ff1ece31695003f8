import type { Store } from '../../../src/store/client.js';
import { BUY, PAY, SessionFixture } from './session-fixture.js';

/** 2026-03-01T10:00:00Z: the first session of the hand-computed fixture. */
export const T0 = Date.parse('2026-03-01T10:00:00Z');
export const S = 1_000;
export const H = 3_600_000;
export const RANGE = 'from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z';

/**
 * Five sessions in project `acme` on 2026-03-01 (and one the day before), plus a
 * look-alike project `other` that must never leak in. Expected figures, worked out by hand:
 * - /checkout · [data-testid="pay"] · rage_click: s1 (1), s2 (2), s3 (1) → 4 occurrences, 3 sessions,
 *   2 people (u1, anon-s3); /checkout visited by s1–s4 → share 0.75; abandoned: s2 (no later page),
 *   s3 (ended 37 s after) → 2 → impact 5; previous day: s0 → previous_sessions 1.
 * - /checkout · page · dead_end: s2 (struggled there, then the session ended) → impact 2; previous: s0.
 * - /products/:id · #buy · dead_click: s5 → impact 1.
 */
export function acmeSessions(): SessionFixture[] {
  const s0 = new SessionFixture('acme', 's0', { user_id: 'u0' })
    .visit(Date.parse('2026-02-28T12:00:00Z'), '/checkout')
    .signal(Date.parse('2026-02-28T12:00:04Z'), 'rage_click', PAY);
  const s1 = new SessionFixture('acme', 's1', { user_id: 'u1', release: 'r1' })
    .visit(T0, '/checkout')
    .click(T0 + 9 * S, PAY, { x: 100, y: 50, width: 1000 })
    .signal(T0 + 10 * S, 'rage_click', PAY)
    .scroll(T0 + 12 * S, 1_200, 2_000)
    .visit(T0 + 20 * S, '/done')
    .error(T0 + 30 * S)
    .click(T0 + 200 * S, BUY);
  const s2 = new SessionFixture('acme', 's2', { user_id: 'u1', release: 'r1' })
    .visit(T0 + H, '/checkout')
    .signal(T0 + H + 5 * S, 'rage_click', PAY)
    .signal(T0 + H + 8 * S, 'rage_click', PAY);
  const s3 = new SessionFixture('acme', 's3', { release: 'r2' })
    .visit(T0 + 2 * H, '/checkout')
    .click(T0 + 2 * H + 2 * S, PAY, { x: 999, y: 250, width: 1000 })
    .signal(T0 + 2 * H + 3 * S, 'rage_click', PAY)
    .scroll(T0 + 2 * H + 4 * S, 2_000, 2_000)
    .visit(T0 + 2 * H + 10 * S, '/next')
    .click(T0 + 2 * H + 40 * S, BUY);
  const s4 = new SessionFixture('acme', 's4', { release: 'r2' })
    .visit(T0 + 3 * H, '/checkout')
    .visit(T0 + 3 * H + 15 * S, '/other');
  const s5 = new SessionFixture('acme', 's5', { release: 'r2', device: 'mobile', browser: 'Firefox' })
    .visit(T0 + 4 * H, '/products/7', '/products/:id')
    .signal(T0 + 4 * H + 2 * S, 'dead_click', BUY)
    .visit(T0 + 4 * H + 5 * S, '/cart')
    .click(T0 + 4 * H + 100 * S, BUY);
  const others = [1, 2, 3, 4, 5].map((n) =>
    new SessionFixture('other', `o${n}`).visit(T0 + n * S, '/checkout').signal(T0 + n * S + 1, 'rage_click', PAY),
  );
  return [s0, s1, s2, s3, s4, s5, ...others];
}

/** Inserts the fixture; s2's rows twice, as a retried batch would, to prove figures ignore duplicates. */
export async function seedAcme(store: Store): Promise<void> {
  const sessions = acmeSessions();
  await store.insert(
    'events',
    sessions.flatMap((session) => session.rows),
  );
  const s2 = sessions.find((session) => session.id === 's2');
  await store.insert('events', s2?.rows ?? []);
}
