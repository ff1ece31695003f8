import { JOURNEY_STRUGGLES } from './struggle-journeys.js';
import { pressRepeatedly, type WildStruggle, wave } from './struggle-moves.js';

export { type WildStruggle, waitUntilLoaded } from './struggle-moves.js';

const WIDGET_STRUGGLES: WildStruggle[] = [
  {
    name: 'mui-ripple-dead-button',
    page: 'mui',
    // The ripple animates, but the button's handler does nothing: decorative feedback is no reaction.
    expected: ['dead_click'],
    run: async (person) => {
      await pressRepeatedly(person, 'button:has-text("Refresh invoices")', 1, 0);
    },
  },
  {
    name: 'mui-ripple-rage-button',
    page: 'mui',
    expected: ['dead_click', 'rage_click'],
    run: async (person) => {
      await pressRepeatedly(person, 'button:has-text("Refresh invoices")', 5, 220);
    },
  },
  {
    name: 'mui-chip-rage',
    page: 'mui',
    // A chip looks like a button; it has no handler. Nothing is actionable, so rage without a dead click.
    expected: ['rage_click'],
    run: async (person) => {
      await pressRepeatedly(person, '.MuiChip-root', 4, 250);
    },
  },
  {
    name: 'bootstrap-banner-rage',
    page: 'bootstrap',
    // The promo slide looks like a link and the carousel keeps changing on its own.
    expected: ['rage_click'],
    run: async (person) => {
      await pressRepeatedly(person, '.carousel-item.active > div', 4, 250);
    },
  },
  {
    name: 'mantine-help-text-rage',
    page: 'mantine',
    expected: ['rage_click'],
    run: async (person) => {
      await pressRepeatedly(person, '#permissions', 5, 200);
    },
  },
  {
    name: 'plain-thrash-over-form',
    page: 'plain',
    expected: ['thrashed_cursor'],
    run: async (person) => {
      await wave(person, '#contact', 8, 260, 90);
    },
  },
  {
    name: 'plain-retype-after-invalid',
    page: 'plain',
    // Send refused by the browser (an `invalid` event), then the field cleared and typed again.
    expected: ['form_struggle'],
    run: async (person) => {
      const { page } = person;
      await person.click(page.getByLabel('Name'), 'text field', 'focus');
      await person.type('Ada', 'text field');
      await person.click(page.getByRole('textbox', { name: 'Email' }), 'email field', 'focus');
      await person.type('ada@', 'email field');
      await person.click(page.getByRole('button', { name: 'Send message' }), 'form', 'submit');
      await person.click(page.getByRole('textbox', { name: 'Email' }), 'email field', 'focus');
      await person.press('Control+A', 'email field');
      await person.press('Backspace', 'email field');
      await person.type('ada@example.com', 'email field');
      await person.click(page.getByRole('button', { name: 'Send message' }), 'form', 'submit');
    },
  },
  {
    name: 'plain-outside-dom-effects',
    page: 'plain',
    // Each of these works only outside the DOM: clipboard, a download, sound, a new tab, focus moving.
    expected: [],
    run: async (person) => {
      const { page } = person;
      const button = (name: string) => page.getByRole('button', { name, exact: true });
      await person.click(button('Copy link'), 'copy to clipboard', 'copy');
      await person.click(button('Copy link'), 'copy to clipboard', 'copy again');
      await person.click(page.getByRole('link', { name: 'Download price list' }), 'download link', 'download');
      await person.click(button('Play jingle'), 'media player', 'play');
      const popup = page.waitForEvent('popup');
      await person.click(button('Open help in a new tab'), 'new tab', 'open');
      await (await popup).close();
      await person.click(button('Write a message'), 'focus move', 'jump');
    },
  },
  {
    name: 'bootstrap-dead-button',
    page: 'bootstrap',
    // Only Bootstrap's :active styling answers the press; the auto-playing carousel changes meanwhile.
    expected: ['dead_click'],
    run: async (person) => {
      await pressRepeatedly(person, '#track', 1, 0);
    },
  },
  {
    name: 'bootstrap-rage-dead-button',
    page: 'bootstrap',
    expected: ['dead_click', 'rage_click'],
    run: async (person) => {
      await pressRepeatedly(person, '#track', 4, 250);
    },
  },
  {
    name: 'radix-dead-button',
    page: 'radix',
    expected: ['dead_click'],
    run: async (person) => {
      await pressRepeatedly(person, 'button:has-text("Export audit log")', 1, 0);
    },
  },
  {
    name: 'antd-slide-rage',
    page: 'antd',
    // A carousel slide looks like a link to the room; it is not one.
    expected: ['rage_click'],
    run: async (person) => {
      await pressRepeatedly(person, '.slick-active h3', 4, 250);
    },
  },
  {
    name: 'mantine-error-button',
    page: 'mantine',
    expected: ['error_click'],
    run: async (person) => {
      await person.click(person.page.getByRole('button', { name: 'Send test event' }), 'broken button', 'press');
    },
  },
  {
    name: 'plain-slow-check',
    page: 'plain',
    expected: ['slow_click'],
    run: async (person) => {
      await person.click(person.page.getByRole('button', { name: 'Check availability' }), 'slow button', 'press');
      await person.page.getByText('Available from Monday.').waitFor();
    },
  },
];

/** Every labelled struggle case on the wild pages: the widget cases above, then multi-page and busier ones. */
export const WILD_STRUGGLES: WildStruggle[] = [...WIDGET_STRUGGLES, ...JOURNEY_STRUGGLES];
