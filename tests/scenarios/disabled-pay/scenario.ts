import { clickRepeatedly, type Scenario } from '../support/scenario.js';

export default {
  name: 'disabled-pay',
  behaviour: 'click a disabled "Pay" button 4 times in 2 s',
  expected: ['dead_click', 'rage_click'],
  run: async (page) => {
    await clickRepeatedly(page, '#pay', 4, 550);
  },
} satisfies Scenario;
