import type { Scenario } from '../support/scenario.js';

export default {
  name: 'slow-fetch-spinner',
  behaviour: 'click a button that shows a spinner at once, fetches for 4 s and renders',
  expected: [],
  settleMs: 3_000,
  run: async (page) => {
    await page.click('#load');
  },
} satisfies Scenario;
