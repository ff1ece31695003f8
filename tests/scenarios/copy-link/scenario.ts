import type { Scenario } from '../support/scenario.js';

export default {
  name: 'copy-link',
  behaviour: 'copy an invite link with a button that writes the clipboard and shows nothing',
  // The click worked, outside the DOM: not dead.
  expected: [],
  run: async (page) => {
    await page.click('#copy');
  },
} satisfies Scenario;
