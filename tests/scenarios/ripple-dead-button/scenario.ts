import { clickRepeatedly, type Scenario } from '../support/scenario.js';

export default {
  name: 'ripple-dead-button',
  behaviour: 'press a button whose only answer is its ripple, once, then 5 times',
  // Decorative feedback is not the control's reaction: the ripple must not hide the dead click or the rage.
  expected: ['dead_click', 'rage_click'],
  run: async (page) => {
    await clickRepeatedly(page, '#refresh', 1, 0);
    await page.waitForTimeout(3_000);
    await clickRepeatedly(page, '#refresh', 5, 220);
  },
} satisfies Scenario;
