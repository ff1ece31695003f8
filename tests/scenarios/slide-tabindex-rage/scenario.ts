import { clickRepeatedly, type Scenario } from '../support/scenario.js';

export default {
  name: 'slide-tabindex-rage',
  behaviour: 'click a carousel slide that looks like a link 4 times, 250 ms apart',
  // tabindex="-1" makes the slide focusable, not a control: rage by position, no dead click.
  expected: ['rage_click'],
  run: async (page) => {
    await clickRepeatedly(page, '#lobby', 4, 250);
  },
} satisfies Scenario;
