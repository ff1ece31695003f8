import type { Scenario } from '../support/scenario.js';

export default {
  name: 'form-abandoned',
  behaviour: 'start an address form, then leave the page by a link without submitting',
  expected: ['form_struggle'],
  run: async (page, { url }) => {
    await page.click('#street');
    await page.keyboard.type('1 Main Street', { delay: 20 });
    await page.click('#postcode');
    await page.keyboard.type('75', { delay: 20 });
    await page.click('#home');
    await page.waitForURL(url('home'));
  },
} satisfies Scenario;
