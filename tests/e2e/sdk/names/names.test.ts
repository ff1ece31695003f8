import { join } from 'node:path';
import type { RunningServer } from '@snag/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../../../helpers/app-server.js';
import { flush, sessionIdOf } from '../../../helpers/browser.js';
import { startScenario, stopScenario } from '../../../helpers/scenario.js';
import { dumpTable, type StoredEvent, storedEvents } from '../../../helpers/snag-server.js';

const TYPED = `typed-${Date.now().toString(36)}-value`;
const CLICKED = [
  '#postal',
  '#email',
  '#gift-note',
  '#qty',
  '#coupon',
  '#country',
  '#terms',
  '#close-cart',
  '#home img',
  '#pay',
  '#buy',
  '#masked-btn',
  '#masked-field',
  '#emoji',
];

let snag: RunningServer & { dataDir: string };
let app: AppServer;
let browser: Browser;
let clicks: Map<string, Record<string, string>>;

beforeAll(async () => {
  ({ snag, app, browser } = await startScenario(join(import.meta.dirname, 'template.html'), () => snag.url));
  const page = await browser.newPage();
  await page.goto(`${app.url}/names`);
  const sessionId = await sessionIdOf(page);
  await page.fill('#postal', TYPED);
  await page.fill('#email', `${TYPED}@example.com`);
  await page.fill('#gift-note', TYPED);
  for (const selector of CLICKED) await page.click(selector);
  await flush(page);
  await page.close();
  const events: StoredEvent[] = await storedEvents(snag.url, sessionId);
  const described = events
    .filter((event) => event.type === 'click')
    .map((event) => event.element as Record<string, string>);
  clicks = new Map(described.map((element) => [element.selector ?? '', element]));
});

afterAll(() => stopScenario({ snag, app, browser }));

const clicked = (selector: string) => clicks.get(selector);

describe('SDK accessible names and roles (built SDK, real Chromium, real server)', () => {
  it('names fields by their <label for>, wrapping label, aria-labelledby and placeholder', () => {
    expect(clicked('#postal')).toMatchObject({ name: 'Postal code', role: 'textbox' });
    expect(clicked('#email')).toMatchObject({ name: 'Email address', role: 'textbox' });
    expect(clicked('#qty')).toMatchObject({ name: 'Quantity (boxes)', role: 'textbox' });
    expect(clicked('#coupon')).toMatchObject({ name: 'Coupon code', role: 'textbox' });
  });

  it('names a select by its title, a checkbox and an icon button by aria-label, an image link by its alt', () => {
    expect(clicked('#country')).toMatchObject({ name: 'Country', role: 'combobox' });
    expect(clicked('#terms')).toMatchObject({ name: 'Accept terms', role: 'checkbox', aria_label: 'Accept terms' });
    expect(clicked('#close-cart')).toMatchObject({ name: 'Close cart', role: 'button', aria_label: 'Close cart' });
    expect(clicked('#home')).toMatchObject({ tag: 'a', name: 'Shop home', role: 'link' });
  });

  it('names buttons by their visible text, whitespace collapsed; an <input> button by its value', () => {
    expect(clicked('#pay')).toMatchObject({ name: 'Pay now', text: 'Pay now', role: 'button' });
    expect(clicked('#buy')).toMatchObject({ name: 'Buy it', role: 'button' });
  });

  it('skips a wrapping label that holds a textarea, whose text is the field value', () => {
    const note = clicked('#gift-note');
    expect(note).toMatchObject({ role: 'textbox' });
    expect(note?.name).toBeUndefined();
  });

  it('masks names inside masked regions', () => {
    expect(clicked('#masked-btn')).toMatchObject({ name: '***** *******', text: '***** *******' });
    expect(clicked('#masked-field')).toMatchObject({ name: '***** ****** ****', role: 'textbox' });
  });

  it('cuts a long name at 128 UTF-16 units without splitting an emoji', () => {
    const emoji = clicked('#emoji');
    expect(emoji?.name).toBe('x'.repeat(127));
    expect(emoji?.text).toBe('x'.repeat(60));
  });

  it('never stores a typed value, a textarea default or masked text', async () => {
    expect(clicks.size).toBe(CLICKED.length);
    const everything = await dumpTable(snag, 'events');
    for (const secret of [TYPED, 'Private default note', 'Alice', 'Narnia']) {
      expect(everything.includes(secret), `"${secret}" was stored`).toBe(false);
    }
  });
});
