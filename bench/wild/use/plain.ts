import type { WildPage } from '../wild-page.js';

/**
 * Ordinary use of the plain HTML page: filling the form (a typo fixed on the way), <details>, <dialog>,
 * and the controls that work outside the DOM: copy a link, download, play audio, open a tab, move focus.
 */
export default {
  name: 'plain',
  library: 'plain HTML',
  run: async (person) => {
    const { page } = person;
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    await page.getByText('Write to us').waitFor();
    await person.doubleClick(page.locator('#intro'), 'intro text', 'double-click a word');
    for (const round of [0, 1]) {
      await person.click(page.getByLabel('Name'), 'text field', 'focus');
      await person.press('Control+A', 'text field');
      await person.type(round ? 'Grace Hoppre' : 'Ada Lovelcae', 'text field');
      for (let i = 0; i < 3; i++) await person.press('Backspace', 'text field (typo)');
      await person.type(round ? 'per' : 'ace', 'text field (typo)');
      await person.press('Tab', 'text field');
      await person.type(round ? 'grace@example.com' : 'ada@example.com', 'email field');
      await person.click(page.getByLabel('Topic'), 'native select', 'open');
      await person.press('ArrowDown', 'native select');
      await person.press('Enter', 'native select');
      await person.click(page.getByRole('radio', { name: round ? 'Email' : 'Phone' }), 'radio', 'choose');
      await person.click(page.getByLabel('Send me a copy'), 'checkbox', 'tick');
      await person.click(page.getByLabel('Urgency'), 'range', 'set', { x: round ? 0.2 : 0.9, y: 0.5 });
      await person.click(page.getByLabel('Best day'), 'date input', 'focus', { x: 0.1, y: 0.5 });
      await person.type(round ? '01152027' : '12242026', 'date input');
      await person.click(page.getByLabel('Message'), 'textarea', 'focus');
      await person.press('Control+A', 'textarea');
      await person.type(round ? 'Thanks again' : 'Hello there', 'textarea');
      await person.chooseFile(page.getByLabel('Attachment'), 'file input', round ? 'notes.txt' : 'invoice.txt');
      await person.click(button('Send message'), 'form', 'submit');
      await person.scroll(400);
      for (const summary of ['Opening hours', 'Our address', 'Opening hours']) {
        await person.click(page.getByText(summary, { exact: true }), 'details', 'toggle');
      }
      await person.click(button('Read the terms'), 'dialog', 'open');
      await person.click(button(round ? 'Close' : 'I agree'), 'dialog', 'close');
      await person.click(button('Copy link'), 'copy to clipboard', 'copy');
      await person.click(page.getByRole('link', { name: 'Download price list' }), 'download link', 'download');
      const popup = page.waitForEvent('popup');
      await person.click(button('Open help in a new tab'), 'new tab', 'open');
      await (await popup).close();
      await person.click(button('Write a message'), 'focus move', 'jump to the message');
      await person.click(button('Full screen'), 'fullscreen', round ? 'leave' : 'enter');
      await person.scroll(400);
      await person.click(button('Play jingle'), 'media player', 'play');
      await page.waitForTimeout(800);
      await person.click(button('Pause jingle'), 'media player', 'pause');
      await person.click(page.locator('#jingle'), 'native audio controls', 'play', { x: 0.06, y: 0.5 });
      await page.waitForTimeout(800);
      await person.click(page.locator('#jingle'), 'native audio controls', 'pause', { x: 0.06, y: 0.5 });
      for (let i = 0; i < 2; i++) await person.click(button('Show more news'), 'load more', 'load');
      await person.scroll(-1200);
    }
  },
} satisfies WildPage;
