import type { Scenario } from '../support/scenario.js';

export default {
  name: 'export-csv',
  behaviour: 'export a table as CSV: the page builds the file and downloads it, and shows nothing',
  // The click worked, outside the DOM: not dead.
  expected: [],
  run: async (page) => {
    await page.click('#export');
  },
} satisfies Scenario;
