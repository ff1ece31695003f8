import type { Scenario } from '../support/scenario.js';

export default {
  name: 'thrash',
  behaviour: 'six fast, wide back-and-forth mouse sweeps',
  expected: ['thrashed_cursor'],
  run: async (page) => {
    await page.mouse.move(200, 300);
    for (let sweep = 0; sweep < 6; sweep++) {
      await page.mouse.move(800, 320, { steps: 4 });
      await page.mouse.move(200, 300, { steps: 4 });
    }
  },
} satisfies Scenario;
