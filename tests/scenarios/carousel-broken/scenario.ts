import { clickRepeatedly, type Scenario } from '../support/scenario.js';

export default {
  name: 'carousel-broken',
  behaviour: 'click a broken carousel "next" 6 times at 400 ms; nothing changes',
  expected: ['dead_click', 'rage_click'],
  run: async (page) => {
    await clickRepeatedly(page, '.next', 6, 400);
  },
} satisfies Scenario;
