import type { Scenario } from '../support/scenario.js';

export default {
  name: 'dropdown-on-mousedown',
  behaviour: 'click a dropdown that opens on mousedown',
  expected: [],
  run: async (page) => {
    await page.click('#toggle');
  },
} satisfies Scenario;
