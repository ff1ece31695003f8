import type { WildPage } from '../wild-page.js';

/** Ordinary use of the Radix settings page: menus and selects that open on pointerdown, toggles, dialog, toast. */
export default {
  name: 'radix',
  library: 'Radix UI',
  run: async (person) => {
    const { page } = person;
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    await page.locator('#lead').waitFor();
    await person.doubleClick(page.locator('#lead'), 'lead text', 'double-click a word');
    for (const round of [0, 1, 2]) {
      await person.click(button('Options'), 'dropdown menu', 'open');
      await person.click(
        page.getByRole('menuitem', { name: ['Export', 'Duplicate', 'Transfer'][round] }),
        'dropdown menu',
        'choose',
      );
      for (const name of ['Billing', 'Danger zone', 'Members'])
        await person.click(page.getByRole('tab', { name }), 'tabs', name);
      await person.press('ArrowRight', 'tabs');
      await person.press('ArrowLeft', 'tabs');
      await person.click(page.locator('.slider'), 'slider', 'set', { x: [0.8, 0.3, 0.6][round] ?? 0.5, y: 0.5 });
      await person.drag(page.locator('.thumb'), round === 1 ? 60 : -50, 'slider');
      await person.press('ArrowRight', 'slider');
      await person.click(page.getByRole('combobox', { name: 'Language' }), 'select', 'open');
      await person.click(
        page.getByRole('option', { name: ['Deutsch', 'Español', 'English'][round] }),
        'select',
        'choose',
      );
      await person.click(page.getByRole('switch'), 'switch', 'toggle');
      await person.click(page.getByRole('checkbox'), 'checkbox', 'tick');
      await person.click(
        page.getByRole('radio', { name: `Align ${['center', 'right', 'left'][round]}` }),
        'toggle group',
        'choose',
      );
      await person.hover(page.locator('#seats'), 'tooltip');
      await person.click(button('Invite link'), 'popover', 'open');
      await person.press('Escape', 'popover');
      await person.click(button('Advanced'), 'collapsible', 'toggle');
      for (const name of ['Who can see sessions?', 'How is billing counted?'])
        await person.click(button(name), 'accordion', 'toggle');
      await person.click(button('Rename project'), 'dialog', 'open');
      if (round === 1) await person.press('Escape', 'dialog');
      else await person.click(button('Done'), 'dialog', 'close');
      await person.click(button('Save settings'), 'toast', 'save');
      await person.scroll(round === 1 ? -300 : 300);
    }
  },
} satisfies WildPage;
