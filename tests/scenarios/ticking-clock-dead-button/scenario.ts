import { pause, type Scenario } from '../support/scenario.js';

export default {
  name: 'ticking-clock-dead-button',
  behaviour: 'click a no-op button once on a page whose clock ticks 5 times a second',
  expected: ['dead_click'],
  run: async (page) => {
    // The clock has been ticking for a while before the click.
    await pause(page, 600);
    await page.click('#export');
  },
} satisfies Scenario;
