import type { Scenario } from '../support/scenario.js';

export default {
  name: 'triple-click-text',
  behaviour: 'triple-click a paragraph to select it',
  expected: [],
  run: async (page) => {
    await page.click('#para', { clickCount: 3, delay: 60 });
  },
} satisfies Scenario;
