import type { WildPage } from '../wild-page.js';

/** Ordinary use of the Mantine API-settings page: copy button, combobox, slider, date picker, stepper… */
export default {
  name: 'mantine',
  library: 'Mantine',
  run: async (person) => {
    const { page } = person;
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    await page.locator('#key').waitFor();
    await person.doubleClick(page.locator('#key'), 'key text', 'double-click a word');
    for (const round of [0, 1]) {
      await person.click(button('Copy key'), 'copy button', 'copy');
      await person.click(button('Key actions'), 'menu', 'open');
      await person.click(page.getByRole('menuitem', { name: round ? 'Restrict' : 'Rotate' }), 'menu', 'choose');
      for (const name of ['Webhooks', 'Logs', 'Keys'])
        await person.click(page.getByRole('tab', { name }), 'tabs', name);
      await person.press('ArrowRight', 'tabs');
      await person.press('ArrowLeft', 'tabs');
      await person.click(page.getByRole('combobox', { name: 'Region' }), 'combobox', 'open');
      await person.click(page.getByRole('option', { name: round ? 'Oregon' : 'Dublin' }), 'combobox', 'choose');
      await person.click(page.getByRole('combobox', { name: 'Region' }), 'combobox', 'focus to search');
      await person.press('Control+A', 'combobox');
      await person.type(round ? 'syd' : 'sing', 'combobox');
      await person.press('ArrowDown', 'combobox');
      await person.press('Enter', 'combobox');
      for (const x of [0.7, 0.25])
        await person.click(page.locator('.mantine-Slider-root'), 'slider', `set ${x}`, { x, y: 0.5 });
      await person.drag(page.locator('.mantine-Slider-thumb'), round ? 90 : -60, 'slider');
      await person.press('ArrowLeft', 'slider');
      await person.click(page.locator('.mantine-NumberInput-control').first(), 'number input', 'up');
      await person.click(page.locator('.mantine-NumberInput-control').first(), 'number input', 'up');
      await person.click(page.locator('.mantine-NumberInput-control').last(), 'number input', 'down');
      await person.click(page.locator('.mantine-DatePickerInput-input'), 'date picker', 'open');
      await person.click(
        page.locator('td button:not([data-outside])').nth(round ? 18 : 12),
        'date picker',
        'pick a day',
      );
      await person.click(page.getByText(round ? 'month' : 'day', { exact: true }), 'segmented control', 'choose');
      await person.click(page.getByText('Allow browser use'), 'switch', 'toggle');
      await person.click(page.getByText('Write', { exact: true }), 'chip', 'toggle');
      await person.hover(page.locator('#permissions'), 'tooltip');
      await person.click(button('Scopes'), 'popover', 'open');
      await person.press('Escape', 'popover');
      await person.scroll(400);
      await person.click(button('Next step'), 'stepper', 'next');
      await person.click(page.getByRole('button', { name: /Test$/ }), 'stepper', 'step 3');
      await person.click(page.getByRole('button', { name: /Create$/ }), 'stepper', 'step 1');
      for (const name of ['What is a key?', 'How do I rotate?', 'Where are logs kept?']) {
        await person.click(button(name), 'accordion', 'toggle');
      }
      await person.click(button('Revoke key'), 'modal', 'open');
      if (round) await person.click(button('Revoke'), 'modal', 'confirm');
      else await person.press('Escape', 'modal');
      for (const name of round ? ['4', '5', '6'] : ['2', '3', '4'])
        await person.click(button(name), 'pagination', name);
      await person.scroll(-800);
    }
  },
} satisfies WildPage;
