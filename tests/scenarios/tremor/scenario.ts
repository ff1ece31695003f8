import type { Scenario } from '../support/scenario.js';

export default {
  name: 'tremor',
  behaviour: 'a hand tremor: many small fast back-and-forth mouse moves',
  expected: [],
  run: async (page) => {
    await page.mouse.move(400, 300);
    for (let i = 0; i < 30; i++) {
      await page.mouse.move(412, 304, { steps: 2 });
      await page.mouse.move(400, 300, { steps: 2 });
    }
  },
} satisfies Scenario;
