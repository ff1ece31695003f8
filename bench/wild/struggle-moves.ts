import type { SignalKind } from '@snag/protocol';
import { pressPaced } from '../../tests/helpers/paced-presses.js';
import type { Person } from './person.js';

/** A labelled struggle on a wild page's own widgets: the kinds it must produce, and no other. */
export interface WildStruggle {
  name: string;
  page: string;
  expected: SignalKind[];
  /** Played as soon as the tool is ready, while the page is still loading (its skeletons showing). */
  early?: boolean;
  run(person: Person): Promise<void>;
}

/** What shows once each page has finished loading (its skeleton resolved, its first items in). */
const LOADED: Record<string, string> = {
  mui: '#profile',
  antd: '#hotel',
  mantine: '#key',
  bootstrap: 'text=3 open orders, 12 shipped',
  plain: 'text=Write to us',
  radix: '#lead',
};
/** A person looks at the page a moment before acting (ms): a page still loading would answer any press. */
const SETTLE_MS = 1_000;

/** Waits as a person would until the page has loaded and settled. */
export async function waitUntilLoaded(person: Person, page: string): Promise<void> {
  await person.page
    .locator(LOADED[page] ?? 'body')
    .first()
    .waitFor();
  await person.page.waitForTimeout(SETTLE_MS);
}

/**
 * Presses the same spot `times` times, `gapMs` apart, as someone who wants it to react; throws PlayedOffScript
 * when a press reached the page much later than that.
 */
export async function pressRepeatedly(person: Person, selector: string, times: number, gapMs: number): Promise<void> {
  await person.moveTo(person.page.locator(selector).first());
  const { mouse } = person.page;
  await pressPaced(person.page, times, gapMs, async () => {
    await mouse.down();
    await mouse.up();
  });
}

/** Waves the pointer side to side over an element: `reversals` turns of `legPx`, `legMs` per leg. */
export async function wave(
  person: Person,
  selector: string,
  reversals: number,
  legPx: number,
  legMs: number,
): Promise<void> {
  await person.moveTo(person.page.locator(selector));
  const box = await person.page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const y = box.y + box.height / 2;
  const left = box.x + box.width / 2 - legPx / 2;
  for (let i = 0; i <= reversals; i++) {
    await person.page.mouse.move(i % 2 ? left : left + legPx, y + (i % 3) * 4, { steps: 4 });
    await person.page.waitForTimeout(legMs);
  }
}
