import { type FixtureElement, SessionFixture } from './session-fixture.js';

/** The planted day starts here; every session of it ends before 2026-03-01T16:00Z. */
export const T0 = Date.parse('2026-03-01T08:00:00Z');
const S = 1_000;
const MIN = 60_000;
const PAY_NOW: FixtureElement = {
  selector: '#checkout > button.pay',
  tag: 'button',
  text: 'Pay now',
  test_id: 'pay-now',
  name: 'Pay now',
  role: 'button',
};
const COUPON: FixtureElement = {
  selector: '#apply-coupon',
  tag: 'button',
  text: 'Apply',
  test_id: '',
  name: 'Apply coupon',
  role: 'button',
};

/**
 * /checkout: 5 visitors on release 1.4.2 (none struggled), then 9 on 1.5.0. Six of the nine pressed
 * "Pay now" 23 times in all (4, 4, 4, 4, 4, 3) and nothing happened within 2.5 s, on a disabled
 * button each time; 19 of the 23 presses were followed within a second by "TypeError: total is
 * undefined". b1–b4 left right after; b5 and b6 went on to /order/confirmed.
 * /cart: 3 visitors of 1.5.0 each rage-pressed "Apply coupon" 5 times, each burst followed by a
 * failing POST to the site's /api/coupon (500); all three went on to /help.
 */
export function plantedCheckout(project: string): SessionFixture[] {
  const sessions: SessionFixture[] = [];
  for (let n = 1; n <= 5; n++) {
    const t = T0 + n * 10 * MIN;
    sessions.push(
      new SessionFixture(project, `a${n}`, { release: '1.4.2' })
        .visit(t, '/checkout')
        .click(t + 5 * S, PAY_NOW)
        .visit(t + 20 * S, '/order/confirmed'),
    );
  }
  const presses = [4, 4, 4, 4, 4, 3];
  for (let n = 1; n <= 9; n++) {
    const t = T0 + 2 * 60 * MIN + n * 10 * MIN;
    const session = new SessionFixture(project, `b${n}`, { release: '1.5.0' }).visit(t, '/checkout');
    const count = presses[n - 1] ?? 0;
    for (let i = 0; i < count; i++) {
      const at = t + (i + 1) * 10 * S;
      session.signal(at, 'dead_click', PAY_NOW, { waited_ms: 2_500, disabled: true });
      // 19 of 23: every press of b1–b4 and the first three of b5.
      if (n <= 4 || (n === 5 && i < 3)) session.error(at + S, 'TypeError: total is undefined');
    }
    if (n >= 5) session.visit(t + 2 * MIN, '/order/confirmed').click(t + 3 * MIN, PAY_NOW);
    if (n > 6) session.click(t + 5 * S, PAY_NOW).visit(t + 30 * S, '/order/confirmed');
    sessions.push(session);
  }
  for (let n = 1; n <= 3; n++) {
    const t = T0 + 6 * 60 * MIN + n * 10 * MIN;
    sessions.push(
      new SessionFixture(project, `c${n}`, { release: '1.5.0' })
        .visit(t, '/cart')
        .signal(t + 10 * S, 'rage_click', COUPON, { clicks: 5 })
        .request(t + 10 * S + 400, 'https://acme.example/api/coupon', 500)
        .visit(t + 2 * MIN, '/help')
        .click(t + 3 * MIN, COUPON),
    );
  }
  return sessions;
}
