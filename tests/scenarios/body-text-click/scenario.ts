import type { Scenario } from '../support/scenario.js';

export default {
  name: 'body-text-click',
  behaviour: 'click plain body text once',
  expected: [],
  run: async (page) => {
    await page.click('#text');
  },
} satisfies Scenario;
