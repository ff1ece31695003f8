/** The two benchmark pages. `head` is where each variant puts its SDK snippet. */
export type PageKind = 'app' | 'stress';

export function pageHtml(kind: PageKind, head: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench ${kind}</title>${head}
<style>body{font:14px system-ui;margin:0 1rem}main{min-height:2500px}
table{table-layout:fixed;width:960px;border-collapse:collapse}td{width:160px;height:20px;padding:0 4px;overflow:hidden;white-space:nowrap}</style></head>
<body>${kind === 'app' ? APP_BODY : STRESS_BODY}</body></html>`;
}

/** A typical app page: navigation, a product list with buttons, a form. */
const APP_BODY = `
<nav><button type="button" id="to-settings">Settings</button><button type="button" id="to-home">Home</button></nav>
<main><h1 id="title">Home</h1>
<form onsubmit="return false"><label>Search <input id="search" name="q"></label>
<label>Email <input id="email" type="email"></label></form>
<ul id="list"></ul></main>
<script>
const list = document.getElementById('list');
for (let i = 0; i < 200; i++) {
  const li = document.createElement('li');
  li.innerHTML = '<span class="name">Product ' + i + '</span> <button type="button" class="add" data-testid="add-' + i + '">Add</button> <span class="qty">0</span>';
  list.appendChild(li);
}
list.addEventListener('click', (event) => {
  const button = event.target.closest('button.add');
  if (!button) return;
  const qty = button.nextElementSibling;
  qty.textContent = String(Number(qty.textContent) + 1);
});
document.getElementById('to-settings').addEventListener('click', () => {
  history.pushState({}, '', '/settings');
  document.getElementById('title').textContent = 'Settings';
});
</script>`;

/** The stress page: a 10,000-row table of 60,000 cells in which 3,000 cells change every second. */
const STRESS_BODY = `
<nav><button type="button" id="to-settings">Settings</button></nav>
<main><h1 id="title">Table</h1>
<form onsubmit="return false"><label>Search <input id="search" name="q"></label></form>
<table><tbody id="rows"></tbody></table></main>
<script>
const body = document.getElementById('rows');
const cells = [];
const html = [];
for (let i = 0; i < 10000; i++) html.push('<tr><td>' + i + '</td><td>' + (i * 7 % 1000) + '</td><td>' + (i * 13 % 997) + '</td><td>' + (i * 17 % 991) + '</td><td>' + (i * 19 % 983) + '</td><td><button type="button" class="add" data-testid="add-' + i + '">Add</button></td></tr>');
body.innerHTML = html.join('');
for (const row of body.rows) for (let c = 1; c < 5; c++) cells.push(row.cells[c]);
let tick = 0;
setInterval(() => {
  tick++;
  for (let i = 0; i < 300; i++) cells[(tick * 53 + i * 197) % cells.length].textContent = String(tick + i);
}, 100);
document.getElementById('to-settings').addEventListener('click', () => {
  history.pushState({}, '', '/settings');
  document.getElementById('title').textContent = 'Settings';
});
</script>`;
