import type { Scenario } from '../support/scenario.js';

export default {
  name: 'failing-request',
  behaviour: 'click a button whose request fails with 503',
  expected: ['error_click'],
  run: async (page) => {
    await page.click('#cancel');
  },
} satisfies Scenario;
