import type { Scenario } from '../support/scenario.js';

export default {
  name: 'slow-fetch-short',
  behaviour: 'click a button that fetches for 1.6 s and then renders, with no spinner',
  expected: ['slow_click'],
  settleMs: 3_000,
  run: async (page) => {
    await page.click('#load');
  },
} satisfies Scenario;
