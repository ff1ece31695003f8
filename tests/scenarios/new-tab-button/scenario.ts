import type { Scenario } from '../support/scenario.js';

export default {
  name: 'new-tab-button',
  behaviour: 'click a button that opens the invoice in a new tab',
  expected: [],
  run: async (page) => {
    await page.click('#print');
  },
} satisfies Scenario;
