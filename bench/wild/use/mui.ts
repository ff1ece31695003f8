import type { WildPage } from '../wild-page.js';

/** Ordinary use of the MUI settings page: menus, tabs, slider, select, stepper, accordions, dialog, toasts. */
export default {
  name: 'mui',
  library: 'MUI',
  run: async (person) => {
    const { page } = person;
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    await page.locator('#profile').waitFor();
    await person.doubleClick(page.locator('#profile'), 'profile text', 'double-click a word');
    for (const round of [0, 1]) {
      for (const item of round ? ['Archive', 'Rename'] : ['Rename', 'Duplicate']) {
        await person.click(button('Actions'), 'menu', 'open');
        await person.click(page.getByRole('menuitem', { name: item }), 'menu', `choose ${item}`);
      }
      await person.click(button('Actions'), 'menu', 'open');
      await person.press('Escape', 'menu');
      for (const name of ['Notifications', 'Security', 'General']) {
        await person.click(page.getByRole('tab', { name }), 'tabs', name);
      }
      await person.press('ArrowRight', 'tabs');
      await person.press('ArrowRight', 'tabs');
      await person.press('Enter', 'tabs');
      for (const x of [0.2, 0.75, 0.5])
        await person.click(page.locator('.MuiSlider-root'), 'slider', `set ${x}`, { x, y: 0.5 });
      await person.drag(page.locator('.MuiSlider-thumb'), round ? -80 : 120, 'slider');
      await person.press('ArrowRight', 'slider');
      await person.press('ArrowRight', 'slider');
      for (const plan of round ? ['Business', 'Starter'] : ['Team', 'Business']) {
        await person.click(page.getByRole('combobox'), 'select', 'open');
        await person.click(page.getByRole('option', { name: plan }), 'select', `choose ${plan}`);
      }
      await person.click(button('Next'), 'stepper', 'next');
      await person.click(button('Next'), 'stepper', 'next');
      await person.click(button('Back'), 'stepper', 'back');
      await person.click(button('Back'), 'stepper', 'back');
      for (const question of ['Can I change plans later?', 'Is there a free trial?', 'How do refunds work?']) {
        await person.click(page.getByRole('button', { name: question }), 'accordion', 'toggle');
      }
      await person.click(page.getByRole('button', { name: 'Is there a free trial?' }), 'accordion', 'toggle');
      await person.scroll(400);
      await person.click(button('Delete project'), 'dialog', 'open');
      await person.click(button('Cancel'), 'dialog', 'cancel');
      await person.click(button('Delete project'), 'dialog', 'open');
      await person.press('Escape', 'dialog');
      await person.click(button('Delete project'), 'dialog', 'open');
      await person.click(button('Delete'), 'dialog', 'confirm');
      await person.click(button('Save'), 'toast', 'save');
      await person.hover(page.getByText('Renews soon'), 'tooltip');
      for (let i = 0; i < 3; i++)
        await person.click(page.getByRole('button', { name: /^Like/ }), 'ripple button', 'like');
      const pages = round
        ? ['Go to page 6', 'Go to page 1', 'Go to next page']
        : ['Go to page 2', 'Go to page 3', 'Go to next page', 'Go to page 8', 'Go to previous page'];
      for (const name of pages) {
        await person.click(page.getByRole('button', { name }), 'pagination', name);
      }
      await person.scroll(-600);
    }
  },
} satisfies WildPage;
