import type { Page } from 'playwright-core';

/**
 * How far from its scripted gap a press may reach the page before the run no longer plays its label. On a busy
 * machine a press's round trips to the renderer can take a second: "four presses 250 ms apart" arrived as 417,
 * 1,209 and 751 ms, a different behaviour from the one labelled.
 */
export const PACE_SLACK_MS = 300;

/** The harness did not play the behaviour as written: the run says nothing about the tool, so it is played again. */
export class PlayedOffScript extends Error {
  override name = 'PlayedOffScript';
}

interface PressLog {
  __snagHarnessPresses?: number[];
}

/**
 * Presses `times` times, `gapMs` apart (`press` makes one press, and may take a while), and checks at the page
 * that each press arrived within PACE_SLACK_MS of `gapMs` after the previous one (pointerdown's timeStamp, what
 * detectors see).
 */
export async function pressPaced(
  page: Page,
  times: number,
  gapMs: number,
  press: () => Promise<unknown>,
): Promise<void> {
  if (times < 2) {
    if (times === 1) await press();
    return;
  }
  await page.evaluate(() => {
    const log = window as unknown as PressLog;
    if (!log.__snagHarnessPresses)
      addEventListener('pointerdown', (event) => log.__snagHarnessPresses?.push(event.timeStamp), true);
    log.__snagHarnessPresses = [];
  });
  // Each press is due gapMs after the previous one was due, not after it was acknowledged: on a busy machine
  // a press's round trips to the renderer take hundreds of ms, which a fixed pause would add to every gap.
  const start = performance.now();
  for (let i = 0; i < times; i++) {
    const wait = start + i * gapMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await press();
  }
  const pressed = await page.evaluate(() => (window as unknown as PressLog).__snagHarnessPresses ?? []);
  if (pressed.length !== times) throw new Error(`${pressed.length} of ${times} presses reached the page`);
  for (let i = 1; i < pressed.length; i++) {
    const gap = (pressed[i] as number) - (pressed[i - 1] as number);
    // Too late, or too early: the press after a stalled one, due at once, catches up.
    if (Math.abs(gap - gapMs) > PACE_SLACK_MS)
      throw new PlayedOffScript(
        `press ${i + 1} of ${times} came ${Math.round(gap)} ms after the one before (${gapMs} ms scripted)`,
      );
  }
}

/** A play that went off script is played again (in a fresh context), up to this many plays in all. */
export const PLAY_ATTEMPTS = 4;

/** Plays `play` until one play keeps to its script; returns its result and why the earlier plays were voided. */
export async function playToScript<T>(
  name: string,
  play: () => Promise<T>,
): Promise<{ result: T; replayed: string[] }> {
  const replayed: string[] = [];
  for (;;) {
    try {
      return { result: await play(), replayed };
    } catch (error) {
      if (!(error instanceof PlayedOffScript)) throw error;
      replayed.push(error.message);
      if (replayed.length === PLAY_ATTEMPTS)
        throw new Error(`${name} went off script in all ${PLAY_ATTEMPTS} plays: ${replayed.join('; ')}`);
    }
  }
}
