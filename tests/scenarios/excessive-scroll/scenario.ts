import type { Page } from 'playwright-core';
import { pause, type Scenario } from '../support/scenario.js';

/**
 * Other visitors who read the page once, top to bottom: the page's usual level of
 * scrolling back and forth. Its p90 stays at zero reversals while more than nine of
 * them are stored, so sixteen leave room for a visit lost on a loaded machine.
 */
const USUAL_VISITORS = 16;
const VISITORS_AT_ONCE = 8;

async function scrollThrough(page: Page, positions: number[]): Promise<void> {
  for (const y of positions) {
    await page.evaluate(`window.scrollTo(0, ${y})`);
    await pause(page, 120);
  }
}

export default {
  name: 'excessive-scroll',
  behaviour: 'scroll up and down a long page six times, where sixteen other visitors read it once',
  expected: ['excessive_scroll'],
  run: async (page, { url }) => {
    const browser = page.context().browser();
    if (!browser) throw new Error('the scenario needs its browser');
    const visit = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const visitor = await context.newPage();
        await visitor.goto(url());
        await pause(visitor, 500);
        await scrollThrough(visitor, [900, 1800, 2700, 3600]);
        await visitor.click('#done');
        await visitor.waitForURL(url('done'));
        // Whatever tool is on the page: let it deliver the finished page view before the visitor leaves.
        await visitor.evaluate('window.snag && window.snag.flush && window.snag.flush()');
        await pause(visitor, 500);
      } finally {
        await context.close();
      }
    };
    for (let started = 0; started < USUAL_VISITORS; started += VISITORS_AT_ONCE) {
      await Promise.all(Array.from({ length: Math.min(VISITORS_AT_ONCE, USUAL_VISITORS - started) }, visit));
    }
    // Hunting for one thing: down and back up, whole screens at a time.
    await scrollThrough(page, [2400, 300, 2700, 200, 3000, 400, 2600]);
    await page.click('#done');
    await page.waitForURL(url('done'));
  },
} satisfies Scenario;
