import type { Scenario } from '../support/scenario.js';

export default {
  name: 'checkbox-tick',
  behaviour: 'tick a checkbox',
  expected: [],
  run: async (page) => {
    await page.click('#news');
  },
} satisfies Scenario;
