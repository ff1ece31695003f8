import type { WildPage } from '../wild-page.js';

/** Ordinary use of the Bootstrap orders page: dropdown, tabs, an auto-playing carousel, offcanvas, modal… */
export default {
  name: 'bootstrap',
  library: 'Bootstrap',
  run: async (person) => {
    const { page } = person;
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    await page.getByText('3 open orders, 12 shipped').waitFor();
    await person.doubleClick(page.locator('#summary'), 'summary text', 'double-click a word');
    for (const round of [0, 1, 2]) {
      await person.click(button('Account'), 'dropdown', 'open');
      await person.click(button(round ? 'Team' : 'Billing'), 'dropdown', 'choose');
      for (const name of ['Shipped', 'Returned', 'Open'])
        await person.click(page.getByRole('tab', { name }), 'tabs', name);
      await person.click(button('Next'), 'carousel', 'next');
      await page.waitForTimeout(500);
      await person.click(button('Next'), 'carousel', 'next');
      await page.waitForTimeout(500);
      await person.click(button('Previous'), 'carousel', 'previous');
      await person.click(button('Slide 3'), 'carousel', 'indicator');
      for (const name of ['Where is my parcel?', 'Can I change the address?', 'How do I return an item?']) {
        await person.click(button(name), 'accordion', 'toggle');
      }
      await person.click(page.getByText(round ? 'Pick-up' : 'Express', { exact: true }), 'button group', 'choose');
      await person.click(page.getByText('Standard', { exact: true }), 'button group', 'choose');
      await person.click(page.getByLabel('Tip for the courier'), 'range', 'set', { x: round ? 0.8 : 0.3, y: 0.5 });
      await person.press('ArrowRight', 'range');
      await person.press('ArrowRight', 'range');
      await person.hover(button('Why we ask'), 'tooltip');
      await person.click(button('Gift cards'), 'popover', 'open');
      await person.click(button('Gift cards'), 'popover', 'close');
      await person.click(button('Cart'), 'offcanvas', 'open');
      await person.click(button('Close cart'), 'offcanvas', 'close');
      await person.click(button('Place order'), 'modal', 'open');
      await person.click(button(round ? 'Place order now' : 'Not yet'), 'modal', 'close');
      await person.click(button('Save for later'), 'toast', 'save');
      await person.scroll(400);
      for (const name of round ? ['4', '1'] : ['2', '3'])
        await person.click(page.getByRole('link', { name, exact: true }), 'pagination', name);
      await person.scroll(-600);
    }
  },
} satisfies WildPage;
