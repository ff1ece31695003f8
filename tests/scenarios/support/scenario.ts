import { SIGNAL_KINDS, type SignalKind } from '@snag/protocol';
import type { Page } from 'playwright-core';
import { pressPaced } from '../../helpers/paced-presses.js';

/** Every kind of struggle: what a scenario does not list, it must not produce. */
export const ALL_KINDS: readonly SignalKind[] = SIGNAL_KINDS;

export interface ScenarioContext {
  /** Absolute URL of a path inside the scenario's own folder of pages (`/<scenario>/<path>`). */
  url(path?: string): string;
}

/**
 * A labelled scenario: a small page (`template.html` next to it) and a scripted
 * behaviour, with the signals it must produce. Any other kind must not appear.
 */
export interface Scenario {
  name: string;
  /** What the person does, in a few words. */
  behaviour: string;
  expected: SignalKind[];
  /** Extra time after the behaviour before the verdicts are read (beyond the tool's own settle time). */
  settleMs?: number;
  /** Installs Playwright's fake clock before the page loads (for long waits without waiting). */
  fakeClock?: boolean;
  run(page: Page, ctx: ScenarioContext): Promise<void>;
}

export const pause = (page: Page, ms: number) => page.waitForTimeout(ms);

/**
 * Clicks `selector` `times` times, `gapMs` apart, with a real mouse (pointerdown, mouseup, click); throws
 * PlayedOffScript when a click reached the page much later than that.
 */
export async function clickRepeatedly(page: Page, selector: string, times: number, gapMs: number): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  await pressPaced(page, times, gapMs, () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2));
}
