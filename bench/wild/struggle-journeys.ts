import type { Page } from 'playwright-core';
import type { Person } from './person.js';
import { pressRepeatedly, type WildStruggle, waitUntilLoaded, wave } from './struggle-moves.js';

/** Other visitors who read a page once, top to bottom, before the one who struggles: its usual scrolling. */
const USUAL_READERS = 12;
const READERS_AT_ONCE = 4;
/** How long someone who gave up waits on a broken control before going back (ms). */
const GIVE_UP_MS = 3_000;
/** A glance at a page that was not what the person wanted, before going back (ms): a quick back. */
const GLANCE_MS = 1_800;

/** Goes from the page the case started on to another wild page by its address, and waits until it has loaded. */
async function goTo(person: Person, page: string): Promise<void> {
  await person.page.goto(new URL(`/${page}/`, person.page.url()).href);
  await waitUntilLoaded(person, page);
}

/** One ordinary reader in a fresh context: loads the page, reads it down with the wheel, leaves. */
async function readOnce(page: Page, path: string): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('the case needs its browser');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const reader = await context.newPage();
    await reader.goto(new URL(path, page.url()).href);
    await reader.waitForTimeout(1_200);
    await reader.mouse.move(640, 400);
    for (let i = 0; i < 6; i++) {
      await reader.mouse.wheel(0, 150);
      await reader.waitForTimeout(250);
    }
    // Leaving the page ends its page view (a tool summarises the scrolling then); a small text file is the next page.
    await reader.goto(new URL('/media/tone.vtt', page.url()).href);
    await reader.waitForTimeout(400);
  } finally {
    await context.close();
  }
}

/**
 * Twelve readers first, then the person hunts for something: whole screens down and up again, six times,
 * and moves on to `next` (leaving the page ends its page view).
 */
async function hunt(person: Person, path: string, next: string): Promise<void> {
  for (let started = 0; started < USUAL_READERS; started += READERS_AT_ONCE) {
    await Promise.all(Array.from({ length: READERS_AT_ONCE }, () => readOnce(person.page, path)));
  }
  await person.moveTo(person.page.locator('h1').first());
  for (let i = 0; i < 6; i++) await person.scroll(i % 2 ? -700 : 700);
  await goTo(person, next);
}

export const JOURNEY_STRUGGLES: WildStruggle[] = [
  {
    name: 'radix-rage-dead-button',
    page: 'radix',
    expected: ['dead_click', 'rage_click'],
    run: (person) => pressRepeatedly(person, 'button:has-text("Export audit log")', 5, 230),
  },
  {
    name: 'mantine-error-rage',
    page: 'mantine',
    // Each press throws: error clicks, and pressed again and again with nothing changing, rage.
    expected: ['error_click', 'rage_click'],
    run: (person) => pressRepeatedly(person, 'button:has-text("Send test event")', 4, 260),
  },
  {
    name: 'bootstrap-badge-rage',
    page: 'bootstrap',
    // A status badge looks like a button; it has no handler.
    expected: ['rage_click'],
    run: (person) => pressRepeatedly(person, '#status-badge', 4, 240),
  },
  {
    name: 'radix-card-rage',
    page: 'radix',
    // A plan card with a shadow, as if it opened the plan.
    expected: ['rage_click'],
    run: (person) => pressRepeatedly(person, '#plan-card strong', 5, 220),
  },
  {
    name: 'bootstrap-slow-rates',
    page: 'bootstrap',
    expected: ['slow_click'],
    run: async (person) => {
      await person.click(person.page.locator('#rates'), 'slow button', 'press');
      await person.page.getByText('Rates as of now').waitFor();
    },
  },
  {
    name: 'bootstrap-error-label',
    page: 'bootstrap',
    expected: ['error_click'],
    run: (person) => person.click(person.page.locator('#print-label'), 'broken button', 'press'),
  },
  {
    name: 'bootstrap-dead-while-loading',
    page: 'bootstrap',
    early: true,
    // Pressed while the summary's placeholder still pulses: it resolving is the page loading, not the press's answer.
    expected: ['dead_click'],
    run: (person) => pressRepeatedly(person, '#track', 1, 0),
  },
  {
    name: 'plain-slow-while-loading',
    page: 'plain',
    early: true,
    expected: ['slow_click'],
    run: async (person) => {
      await person.click(person.page.getByRole('button', { name: 'Check availability' }), 'slow button', 'press');
      await person.page.getByText('Available from Monday.').waitFor();
    },
  },
  {
    name: 'bootstrap-thrash-over-options',
    page: 'bootstrap',
    expected: ['thrashed_cursor'],
    run: (person) => wave(person, 'label[for="express"]', 8, 240, 80),
  },
  {
    name: 'mantine-thrash-over-settings',
    page: 'mantine',
    expected: ['thrashed_cursor'],
    run: (person) => wave(person, '#permissions', 9, 220, 85),
  },
  {
    name: 'plain-name-cleared-after-invalid',
    page: 'plain',
    // The name typed, wiped, the form refused it (required), then typed again: struggle.
    expected: ['form_struggle'],
    run: async (person) => {
      const { page } = person;
      await person.click(page.getByLabel('Name'), 'text field', 'focus');
      await person.type('Ad', 'text field');
      for (let i = 0; i < 2; i++) await person.press('Backspace', 'text field');
      await person.click(page.getByRole('button', { name: 'Send message' }), 'form', 'submit');
      await person.click(page.getByLabel('Name'), 'text field', 'focus');
      await person.type('Ada Lovelace', 'text field');
    },
  },
  {
    name: 'mui-email-retyped-after-error',
    page: 'mui',
    // Left with a typo, the field turns red; the person selects it all and types it again: struggle.
    expected: ['form_struggle'],
    run: async (person) => {
      const field = person.page.getByLabel('Billing email');
      await person.click(field, 'text field', 'focus');
      await person.type('ada@example', 'text field');
      await person.click(person.page.getByRole('heading', { name: 'Settings' }), 'page', 'leave the field');
      await person.page.getByText('Enter an email like').waitFor();
      await person.click(field, 'text field', 'focus');
      await person.press('Control+A', 'text field');
      await person.type('ada@example.com', 'text field');
    },
  },
  {
    name: 'bootstrap-dead-then-back',
    page: 'plain',
    // From the contact page to the orders page, a button that does nothing, and back: a dead end there.
    expected: ['dead_click', 'dead_end'],
    run: async (person) => {
      await goTo(person, 'bootstrap');
      await pressRepeatedly(person, '#track', 1, 0);
      await person.page.waitForTimeout(GIVE_UP_MS);
      await person.page.goBack();
      await waitUntilLoaded(person, 'plain');
    },
  },
  {
    name: 'mui-dead-then-back',
    page: 'radix',
    expected: ['dead_click', 'dead_end'],
    run: async (person) => {
      await goTo(person, 'mui');
      await pressRepeatedly(person, 'button:has-text("Refresh invoices")', 1, 0);
      await person.page.waitForTimeout(GIVE_UP_MS);
      await person.page.goBack();
      await waitUntilLoaded(person, 'radix');
    },
  },
  {
    name: 'antd-quick-back',
    page: 'plain',
    // A glance at the hotel page, nothing done there, straight back: a quick back, and so a dead end.
    expected: ['dead_end', 'quick_back'],
    run: async (person) => {
      await person.page.goto(new URL('/antd/', person.page.url()).href);
      await person.page.waitForTimeout(GLANCE_MS);
      await person.page.goBack();
      await waitUntilLoaded(person, 'plain');
    },
  },
  {
    name: 'mantine-quick-back',
    page: 'bootstrap',
    expected: ['dead_end', 'quick_back'],
    run: async (person) => {
      await person.page.goto(new URL('/mantine/', person.page.url()).href);
      await person.page.waitForTimeout(GLANCE_MS);
      await person.page.goBack();
      await waitUntilLoaded(person, 'bootstrap');
    },
  },
  {
    name: 'plain-excessive-scroll',
    page: 'plain',
    expected: ['excessive_scroll'],
    run: (person) => hunt(person, '/plain/', 'radix'),
  },
  {
    name: 'bootstrap-excessive-scroll',
    page: 'bootstrap',
    expected: ['excessive_scroll'],
    run: (person) => hunt(person, '/bootstrap/', 'plain'),
  },
  {
    name: 'plain-fullscreen-and-back',
    page: 'plain',
    // Full screen on and off: an effect outside the DOM, as working as the others.
    expected: [],
    run: async (person) => {
      const full = person.page.getByRole('button', { name: 'Full screen' });
      await person.click(full, 'fullscreen', 'enter');
      await person.page.waitForTimeout(800);
      await person.click(full, 'fullscreen', 'leave');
    },
  },
];
