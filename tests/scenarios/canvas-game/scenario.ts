import { clickRepeatedly, type Scenario } from '../support/scenario.js';

export default {
  name: 'canvas-game',
  behaviour: 'click rapidly inside a canvas game',
  expected: [],
  run: async (page) => {
    await clickRepeatedly(page, '#game', 8, 120);
  },
} satisfies Scenario;
