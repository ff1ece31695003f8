import type { Locator, Page } from 'playwright-core';

/** One ordinary interaction: what the person did, to which widget, and when (page clock, epoch ms). */
export interface Interaction {
  widget: string;
  action: string;
  at: number;
}

/** How a person paces themselves (ms): before pressing, after an action, between keys. */
const AIM_MS: [number, number] = [60, 180];
const LOOK_MS: [number, number] = [250, 650];
const KEY_GAP_MS: [number, number] = [60, 140];
/** Mouse path: one step per this many px, between the bounds. */
const PX_PER_STEP = 35;
const MIN_STEPS = 4;
const MAX_STEPS = 24;
/** How far a path bows away from the straight line, as a share of its length. */
const PATH_BOW = 0.12;
/** Wheel notches are this many px, a little apart. */
const WHEEL_NOTCH_PX = 100;
const WHEEL_GAP_MS = 40;

/** A small seeded generator (mulberry32), so every run of a page moves the same way. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A person using a page with a real mouse and keyboard: curved pointer paths in steps, a moment to aim
 * before each press and to look after it. Every action is counted and logged as one interaction, so the
 * bench can say how many ordinary interactions a run had and which widget a signal followed.
 */
export class Person {
  readonly log: Interaction[] = [];
  private x = 640;
  private y = 400;
  private readonly random: () => number;

  constructor(
    readonly page: Page,
    seed: number,
  ) {
    this.random = seeded(seed);
  }

  get interactions(): number {
    return this.log.length;
  }

  private between([min, max]: [number, number]): number {
    return Math.round(min + (max - min) * this.random());
  }

  pause(range: [number, number] = LOOK_MS): Promise<void> {
    return this.page.waitForTimeout(this.between(range));
  }

  private async record(widget: string, action: string): Promise<void> {
    this.log.push({ widget, action, at: (await this.page.evaluate('Date.now()')) as number });
  }

  /**
   * Moves along a slightly bowed path to a point inside the element: near its middle (not always the
   * centre), or at `at` (fractions of its width and height).
   */
  async moveTo(target: Locator, at?: { x: number; y: number }): Promise<void> {
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    if (!box) throw new Error(`not visible: ${target}`);
    const x = box.x + box.width * (at ? at.x : 0.3 + 0.4 * this.random());
    const y = box.y + box.height * (at ? at.y : 0.3 + 0.4 * this.random());
    await this.moveToPoint(x, y);
  }

  private async moveToPoint(x: number, y: number): Promise<void> {
    const distance = Math.hypot(x - this.x, y - this.y);
    const steps = Math.max(MIN_STEPS, Math.min(MAX_STEPS, Math.round(distance / PX_PER_STEP)));
    const bow = (this.random() - 0.5) * 2 * PATH_BOW;
    const midX = (this.x + x) / 2 - (y - this.y) * bow;
    const midY = (this.y + y) / 2 + (x - this.x) * bow;
    await this.page.mouse.move(midX, midY, { steps: Math.ceil(steps / 2) });
    await this.page.mouse.move(x, y, { steps: Math.ceil(steps / 2) });
    this.x = x;
    this.y = y;
  }

  async click(target: Locator, widget: string, action = 'click', at?: { x: number; y: number }): Promise<void> {
    await this.moveTo(target, at);
    await this.pause(AIM_MS);
    await this.page.mouse.down();
    await this.page.waitForTimeout(this.between([50, 110]));
    await this.page.mouse.up();
    await this.record(widget, action);
    await this.pause();
  }

  async doubleClick(target: Locator, widget: string, action = 'double-click'): Promise<void> {
    await this.moveTo(target);
    await this.pause(AIM_MS);
    await this.page.mouse.dblclick(this.x, this.y, { delay: this.between([40, 90]) });
    await this.record(widget, action);
    await this.pause();
  }

  /** Presses on an element and drags `dx` px sideways (a slider thumb, a carousel), then lets go. */
  async drag(target: Locator, dx: number, widget: string): Promise<void> {
    await this.moveTo(target);
    await this.pause(AIM_MS);
    await this.page.mouse.down();
    await this.moveToPoint(this.x + dx, this.y + this.between([-3, 3]));
    await this.page.mouse.up();
    await this.record(widget, `drag ${dx}`);
    await this.pause();
  }

  /** Clicks what opens a file chooser and picks a small text file in it. */
  async chooseFile(target: Locator, widget: string, fileName: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.click(target, widget, 'open file chooser');
    await (await chooser).setFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from('scan') });
    await this.record(widget, `choose ${fileName}`);
    await this.pause();
  }

  /** Rests the pointer on an element long enough to read its tooltip. */
  async hover(target: Locator, widget: string, dwellMs = 900): Promise<void> {
    await this.moveTo(target);
    await this.record(widget, 'hover');
    await this.page.waitForTimeout(dwellMs);
  }

  /** Types into the focused element at a person's pace (one interaction). */
  async type(text: string, widget: string): Promise<void> {
    for (const char of text) {
      await this.page.keyboard.type(char);
      await this.page.waitForTimeout(this.between(KEY_GAP_MS));
    }
    await this.record(widget, `type "${text}"`);
    await this.pause();
  }

  async press(key: string, widget: string): Promise<void> {
    await this.page.keyboard.press(key);
    await this.record(widget, `press ${key}`);
    await this.pause([200, 500]);
  }

  /** One scroll gesture over the pointer's place: `px` in wheel notches (negative = up). */
  async scroll(px: number, widget = 'page'): Promise<void> {
    const notches = Math.max(1, Math.round(Math.abs(px) / WHEEL_NOTCH_PX));
    for (let i = 0; i < notches; i++) {
      await this.page.mouse.wheel(0, Math.sign(px) * WHEEL_NOTCH_PX);
      await this.page.waitForTimeout(WHEEL_GAP_MS);
    }
    await this.record(widget, `scroll ${px}`);
    await this.pause();
  }
}
