import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { PACE_SLACK_MS, PLAY_ATTEMPTS, PlayedOffScript, playToScript, pressPaced } from './paced-presses.js';

// The detection suites' rage cases rest on presses arriving as scripted; these check the harness itself.
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setContent('<button style="width:200px;height:80px">Press</button>');
});

afterAll(async () => {
  await browser?.close();
});

const pressButton = () => page.mouse.click(100, 40);

describe('pressPaced', () => {
  it('makes every press and accepts a play that kept to its script, even when each press takes a while', async () => {
    await page.evaluate(() => {
      (window as unknown as { downs: number[] }).downs = [];
      addEventListener('pointerdown', (event) =>
        (window as unknown as { downs: number[] }).downs.push(event.timeStamp),
      );
    });
    // Each press is due 250 ms after the previous one was due, so 60 ms of work per press does not add up.
    const slowPress = async () => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      await pressButton();
    };
    // On a loaded machine a play can still go off script; played again, as the suites do.
    await playToScript('presses', async () => {
      await page.evaluate(() => {
        (window as unknown as { downs: number[] }).downs = [];
      });
      await pressPaced(page, 4, 250, slowPress);
    });
    expect(await page.evaluate(() => (window as unknown as { downs: number[] }).downs)).toHaveLength(4);
  });

  it('throws PlayedOffScript, naming the press, when one reaches the page far later than scripted', async () => {
    let count = 0;
    const stalling = async () => {
      if (++count === 3) await new Promise((resolve) => setTimeout(resolve, 250 + PACE_SLACK_MS + 200));
      await pressButton();
    };
    await expect(pressPaced(page, 4, 250, stalling)).rejects.toThrow(
      expect.objectContaining({
        name: 'PlayedOffScript',
        message: expect.stringMatching(/^press \d of 4 came \d+ ms/),
      }),
    );
  });

  it('fails, without a replay, when a press never reached the page', async () => {
    let count = 0;
    const missing = async () => {
      if (++count !== 2) await pressButton();
    };
    await expect(pressPaced(page, 4, 250, missing)).rejects.toThrow('3 of 4 presses reached the page');
  });
});

describe('playToScript', () => {
  it('plays again after an off-script play and reports why', async () => {
    let plays = 0;
    const run = await playToScript('case', async () => {
      if (++plays < 3) throw new PlayedOffScript(`stalled ${plays}`);
      return 'verdict';
    });
    expect(run).toEqual({ result: 'verdict', replayed: ['stalled 1', 'stalled 2'] });
  });

  it('gives up after PLAY_ATTEMPTS off-script plays, and never replays other failures', async () => {
    let plays = 0;
    await expect(
      playToScript('case', async () => {
        plays++;
        throw new PlayedOffScript('stalled');
      }),
    ).rejects.toThrow(`case went off script in all ${PLAY_ATTEMPTS} plays`);
    expect(plays).toBe(PLAY_ATTEMPTS);

    plays = 0;
    await expect(
      playToScript('case', async () => {
        plays++;
        throw new Error('button not found');
      }),
    ).rejects.toThrow('button not found');
    expect(plays).toBe(1);
  });
});
