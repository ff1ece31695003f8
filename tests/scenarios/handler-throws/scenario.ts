import type { Scenario } from '../support/scenario.js';

export default {
  name: 'handler-throws',
  behaviour: 'click a button whose handler throws a TypeError',
  expected: ['error_click'],
  run: async (page) => {
    await page.click('#save');
  },
} satisfies Scenario;
