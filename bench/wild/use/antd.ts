import type { WildPage } from '../wild-page.js';

/** Ordinary use of the Ant Design bookings page: date picker, searchable select, stepper, carousel, upload… */
export default {
  name: 'antd',
  library: 'Ant Design',
  run: async (person) => {
    const { page } = person;
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    await page.locator('#hotel').waitFor();
    await person.doubleClick(page.locator('#hotel'), 'hotel text', 'double-click a word');
    for (const round of [0, 1]) {
      await person.click(button('More'), 'dropdown menu', 'open');
      await person.click(page.getByRole('menuitem', { name: round ? 'Print' : 'Share' }), 'dropdown menu', 'choose');
      for (const name of ['Rooms', 'Reviews', 'Overview'])
        await person.click(page.getByRole('tab', { name }), 'tabs', name);
      for (let i = 0; i < 3; i++)
        await person.click(page.getByRole('button', { name: 'Next slide' }), 'carousel', 'next');
      await person.click(page.getByRole('button', { name: 'Previous slide' }), 'carousel', 'previous');
      await person.click(page.locator('.slick-dots li').first(), 'carousel', 'first dot');
      await person.click(page.locator('.ant-picker'), 'date picker', 'open');
      await person.click(page.locator('.ant-picker-header-next-btn'), 'date picker', 'next month');
      await person.click(page.locator('.ant-picker-cell-in-view').nth(round ? 20 : 9), 'date picker', 'pick a day');
      await person.click(page.getByRole('combobox', { name: 'Room' }), 'searchable select', 'open');
      await person.type(round ? 'Fam' : 'Su', 'searchable select');
      await person.press('Enter', 'searchable select');
      await person.click(page.getByRole('combobox', { name: 'Room' }), 'searchable select', 'open');
      await person.click(page.locator('.ant-select-item-option').nth(1), 'searchable select', 'choose');
      await person.scroll(300);
      await person.hover(page.getByRole('spinbutton', { name: 'Guests' }), 'number stepper', 700);
      for (let i = 0; i < 3; i++)
        await person.click(page.getByRole('button', { name: 'Increase Value' }), 'number stepper', '+');
      await person.click(page.getByRole('button', { name: 'Decrease Value' }), 'number stepper', '-');
      await person.click(page.getByRole('switch', { name: 'Breakfast' }), 'switch', 'toggle');
      await person.click(page.locator('.ant-rate-star').nth(round ? 2 : 3), 'rating', 'rate');
      await person.click(button('Continue'), 'steps', 'continue');
      await person.click(button('Continue'), 'steps', 'continue');
      await person.click(button('Previous'), 'steps', 'previous');
      await person.click(button('Previous'), 'steps', 'previous');
      for (const name of ['Cancellation policy', 'Parking', 'Pets', 'Parking']) {
        await person.click(page.getByRole('button', { name }), 'collapse', 'toggle');
      }
      await person.chooseFile(button('Attach passport scan'), 'upload', round ? 'visa.txt' : 'passport.txt');
      await person.hover(page.locator('#taxes'), 'tooltip');
      await person.click(button('Save booking'), 'toast', 'save');
      await person.click(button('Cancel booking'), 'modal', 'open');
      await person.click(page.getByRole('button', { name: round ? 'OK' : 'Cancel', exact: true }), 'modal', 'close');
      await person.scroll(500);
      for (let i = 0; i < 2; i++) {
        await person.click(button('Load more'), 'load more', 'load');
        await page.waitForTimeout(400);
      }
      await person.scroll(500);
      for (const title of round ? ['6', '7', '8'] : ['2', '3', '4']) {
        await person.click(page.locator(`.ant-pagination-item[title="${title}"]`), 'pagination', title);
      }
      await person.click(page.locator('.ant-pagination-next'), 'pagination', 'next');
      await person.scroll(-1600);
    }
  },
} satisfies WildPage;
