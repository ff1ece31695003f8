import type { Scenario } from '../support/scenario.js';

export default {
  name: 'back-after-reading',
  behaviour: 'follow a link, read for 40 s, go back',
  expected: [],
  fakeClock: true,
  run: async (page, { url }) => {
    await page.click('#next');
    await page.waitForURL(url('details'));
    await page.clock.fastForward(40_000);
    await page.goBack();
    await page.waitForURL(url());
  },
} satisfies Scenario;
