import { pause, type Scenario } from '../support/scenario.js';

export default {
  name: 'email-retyped',
  behaviour: 'enter an email, leave the field, see an error, retype it, then submit',
  expected: ['form_struggle'],
  run: async (page) => {
    await page.click('#email');
    await page.keyboard.type('anna@example', { delay: 20 });
    await page.click('#name');
    await pause(page, 300);
    await page.click('#email', { clickCount: 3 });
    await page.keyboard.type('anna@example.com', { delay: 20 });
    await page.click('#name');
    await page.keyboard.type('Anna', { delay: 20 });
    await page.click('button[type=submit]');
  },
} satisfies Scenario;
