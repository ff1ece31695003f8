import type { Page } from 'playwright-core';
import { pause, type Scenario } from '../support/scenario.js';

async function choose(page: Page, round: number): Promise<void> {
  await page.click('#gift');
  await page.click(round ? '#standard' : '#express');
  await page.selectOption('#slot', round ? 'Morning' : 'Evening');
  await page.focus('#tip');
  await page.keyboard.press(round ? 'ArrowLeft' : 'ArrowRight');
  await page.focus('#day');
  await page.keyboard.type(round ? '01152027' : '12242026', { delay: 30 });
  await pause(page, 200);
}

export default {
  name: 'choices-changed-again',
  behaviour: 'fill a form, change every choice again and fix a typo in the name after leaving it, then submit',
  // Changing one's mind and fixing a typo are ordinary: no validation message flagged a field.
  expected: [],
  run: async (page) => {
    await page.click('#name');
    await page.keyboard.type('Ada Lovelcae', { delay: 30 });
    await choose(page, 0);
    await choose(page, 1);
    await page.click('#name');
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('ace', { delay: 30 });
    await page.click('button[type=submit]');
    await page.getByText('Ordered.').waitFor();
  },
} satisfies Scenario;
