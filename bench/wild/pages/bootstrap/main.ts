// Bootstrap 5: an orders page in Bootstrap's own markup, its components started by its own JS.
import 'bootstrap/dist/css/bootstrap.min.css';
import { Popover, Toast, Tooltip } from 'bootstrap';

const byId = (id: string) => document.getElementById(id) as HTMLElement;

for (const item of document.querySelectorAll<HTMLElement>('[data-choice]')) {
  item.addEventListener('click', () => {
    byId('choice').textContent = item.dataset.choice ?? '';
  });
}
for (const element of document.querySelectorAll('[data-bs-toggle="tooltip"]')) new Tooltip(element);
for (const element of document.querySelectorAll('[data-bs-toggle="popover"]')) new Popover(element);

const toast = new Toast(byId('toast'), { delay: 1500 });
const say = (text: string) => {
  byId('toast-text').textContent = text;
  toast.show();
};
byId('save').addEventListener('click', () => say('Saved for later.'));
byId('place').addEventListener('click', () => say('Order placed.'));

// Broken on purpose (only the struggle cases press it): the handler does nothing.
byId('track').addEventListener('click', () => undefined);
// Also broken on purpose: rates answer after 2.2 s; printing a label throws.
byId('rates').addEventListener('click', async () => {
  await fetch('/api/slow?ms=2200');
  byId('rates-text').textContent = 'Rates as of now: €4.90 standard.';
});
byId('print-label').addEventListener('click', () => {
  throw new TypeError("Cannot read properties of undefined (reading 'label')");
});

setTimeout(() => {
  byId('summary').textContent = '3 open orders, 12 shipped, none returned.';
}, 2000);

/** Pagination links work without a reload: the list of orders for that page is fetched and shown. */
async function showPage(page: number): Promise<void> {
  const res = await fetch(`/api/items?page=${page}`);
  const { items } = (await res.json()) as { items: string[] };
  byId('orders').replaceChildren(
    ...items
      .slice(0, 4)
      .map((item) =>
        Object.assign(document.createElement('li'), { className: 'list-group-item', textContent: `Order ${item}` }),
      ),
  );
  for (const link of document.querySelectorAll<HTMLElement>('[data-page]')) {
    link.parentElement?.classList.toggle('active', link.dataset.page === String(page));
  }
}
byId('pages').addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLElement>('[data-page]');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', `?page=${link.dataset.page}`);
  void showPage(Number(link.dataset.page));
});
void showPage(1);
