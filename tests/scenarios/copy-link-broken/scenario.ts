import type { Scenario } from '../support/scenario.js';

export default {
  name: 'copy-link-broken',
  behaviour: 'press a copy button whose clipboard write is refused, so nothing is copied and nothing shows',
  // A clipboard write counts only once it worked: a refused one leaves the press dead.
  expected: ['dead_click'],
  run: async (page) => {
    await page.click('#copy');
  },
} satisfies Scenario;
