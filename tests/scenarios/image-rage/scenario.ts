import { clickRepeatedly, type Scenario } from '../support/scenario.js';

export default {
  name: 'image-rage',
  behaviour: 'click a product photo that does nothing 4 times, 250 ms apart',
  // Nothing actionable, so no dead click: the clicks are grouped by position.
  expected: ['rage_click'],
  run: async (page) => {
    await clickRepeatedly(page, '#photo', 4, 250);
  },
} satisfies Scenario;
