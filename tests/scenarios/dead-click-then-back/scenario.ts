import { pause, type Scenario } from '../support/scenario.js';

export default {
  name: 'dead-click-then-back',
  behaviour: 'follow a link, click a button that does nothing, give up and go back',
  expected: ['dead_click', 'dead_end'],
  run: async (page, { url }) => {
    await page.click('#next');
    await page.waitForURL(url('details'));
    await page.click('#compare');
    await pause(page, 3_000);
    await page.goBack();
    await page.waitForURL(url());
  },
} satisfies Scenario;
