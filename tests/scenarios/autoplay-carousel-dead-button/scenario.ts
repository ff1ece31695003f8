import { pause, type Scenario } from '../support/scenario.js';

export default {
  name: 'autoplay-carousel-dead-button',
  behaviour: 'click a no-op button while an auto-playing carousel elsewhere changes slides',
  expected: ['dead_click'],
  run: async (page) => {
    await pause(page, 1_000);
    await page.click('#subscribe');
  },
} satisfies Scenario;
