import { pause, type Scenario } from '../support/scenario.js';

export default {
  name: 'slow-while-content-loads',
  behaviour:
    'press a button that answers after 2.5 s while content above the view is still loading (it arrives, and the browser scrolls to keep the view in place)',
  // The document's scroll from scroll anchoring is the page loading, not the press's answer.
  expected: ['slow_click'],
  settleMs: 2_000,
  run: async (page) => {
    await page.evaluate('window.scrollTo(0, 700)');
    await pause(page, 300);
    await page.evaluate('window.finishLoadingIn(500)');
    await page.click('#check');
    await page.getByText('Available from Monday.').waitFor();
  },
} satisfies Scenario;
