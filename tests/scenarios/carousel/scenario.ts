import { clickRepeatedly, type Scenario } from '../support/scenario.js';

export default {
  name: 'carousel',
  behaviour: 'click a carousel "next" 6 times at 400 ms; the slide changes each time',
  expected: [],
  run: async (page) => {
    await clickRepeatedly(page, '.next', 6, 400);
  },
} satisfies Scenario;
