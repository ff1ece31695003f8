import { pause, type Scenario } from '../support/scenario.js';

export default {
  name: 'modifier-click-link',
  behaviour: 'Ctrl-click a link three times in a row to open it in background tabs',
  expected: [],
  run: async (page) => {
    for (let i = 0; i < 3; i++) {
      await page.click('#guide', { modifiers: ['ControlOrMeta'] });
      await pause(page, 250);
    }
  },
} satisfies Scenario;
