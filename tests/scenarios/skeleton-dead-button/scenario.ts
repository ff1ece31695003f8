import { clickRepeatedly, pause, type Scenario } from '../support/scenario.js';

export default {
  name: 'skeleton-dead-button',
  behaviour: 'press a button that does nothing while the page is still loading its summary (a pulsing skeleton)',
  // The summary replacing its skeleton a moment later is the page loading, not the press's reaction.
  expected: ['dead_click'],
  run: async (page) => {
    await page.locator('.bone').first().waitFor();
    await pause(page, 900);
    await clickRepeatedly(page, '#track', 1, 0);
    await page.getByText('3 open orders').waitFor();
  },
} satisfies Scenario;
