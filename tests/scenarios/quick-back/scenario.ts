import { pause, type Scenario } from '../support/scenario.js';

export default {
  name: 'quick-back',
  behaviour: 'follow a link, do nothing for 2 s, go back',
  // A page left by a quick back is one people could not get past.
  expected: ['dead_end', 'quick_back'],
  run: async (page, { url }) => {
    await page.click('#next');
    await page.waitForURL(url('details'));
    await pause(page, 2_000);
    await page.goBack();
    await page.waitForURL(url());
  },
} satisfies Scenario;
