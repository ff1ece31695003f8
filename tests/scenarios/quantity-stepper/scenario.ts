import { clickRepeatedly, type Scenario } from '../support/scenario.js';

export default {
  name: 'quantity-stepper',
  behaviour: 'click a quantity "+" stepper 5 times in 1.5 s; the value updates each time',
  expected: [],
  run: async (page) => {
    await clickRepeatedly(page, '#plus', 5, 300);
  },
} satisfies Scenario;
