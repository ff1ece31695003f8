import type { Scenario } from '../support/scenario.js';

export default {
  name: 'keyboard-activation',
  behaviour: 'press Enter six times fast on a focused button that does nothing (keyboard, autorepeat-like)',
  expected: [],
  run: async (page) => {
    await page.focus('#noop');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Enter');
  },
} satisfies Scenario;
