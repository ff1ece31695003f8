// The demo shop's shared script: products, a cart in localStorage, and the planted friction.
const PRODUCTS = [
  { id: 1, name: 'Trail Runner', price: 129, colors: ['#f97316', '#facc15'] },
  { id: 2, name: 'City Sneaker', price: 99, colors: ['#6366f1', '#a5b4fc'] },
  { id: 3, name: 'Rain Shell', price: 189, colors: ['#0ea5e9', '#164e63'] },
  { id: 4, name: 'Wool Beanie', price: 29, colors: ['#be123c', '#fda4af'] },
  { id: 5, name: 'Day Pack', price: 79, colors: ['#15803d', '#bbf7d0'] },
  { id: 6, name: 'Camp Mug', price: 19, colors: ['#78716c', '#e7e5e4'] },
];

const art = (product) => `linear-gradient(135deg, ${product.colors[0]}, ${product.colors[1]})`;
const cart = () => JSON.parse(localStorage.getItem('demo-cart') || '[]');
const saveCart = (items) => localStorage.setItem('demo-cart', JSON.stringify(items));
const $ = (selector) => document.querySelector(selector);
// The release this page was served as (the SDK's script tag reports it too): 1.5.0 fixed the
// coupon button and broke the size picker.
const RELEASE = document.querySelector('script[data-release]')?.dataset.release ?? '1.5.0';

function renderList() {
  $('#products').innerHTML = PRODUCTS.map(
    (product) => `<a class="card" href="/product?id=${product.id}" data-testid="product-${product.id}">
      <div class="art" style="background:${art(product)}"></div>
      <div class="body"><h2>${product.name}</h2><span class="price">€${product.price}</span></div></a>`,
  ).join('');
}

function renderProduct() {
  const id = Number(new URLSearchParams(location.search).get('id')) || 1;
  const product = PRODUCTS.find((entry) => entry.id === id) || PRODUCTS[0];
  document.title = `${product.name} · Northwind Outfitters`;
  $('#art').style.background = art(product);
  $('#name').textContent = product.name;
  $('#price').textContent = `€${product.price}`;
  const stock = { S: 4, M: 9, L: 2 };
  for (const button of document.querySelectorAll('.sizes button')) {
    button.addEventListener('click', () => {
      // Regression in 1.5.0: the stock lookup was renamed, so picking a size throws and shows nothing.
      const left = RELEASE === '1.5.0' ? product.stock[button.textContent] : stock[button.textContent];
      for (const other of document.querySelectorAll('.sizes button')) other.classList.remove('on');
      button.classList.add('on');
      $('#added').textContent = left < 3 ? `Only ${left} left in ${button.textContent}.` : '';
    });
  }
  $('#add').addEventListener('click', () => {
    saveCart([...cart(), product.id]);
    $('#added').textContent = 'Added to your cart.';
  });
}

function renderCart() {
  const items = cart()
    .map((id) => PRODUCTS.find((product) => product.id === id))
    .filter(Boolean);
  $('#lines').innerHTML = items.length
    ? items.map((product) => `<tr><td>${product.name}</td><td>€${product.price}</td></tr>`).join('')
    : '<tr><td colspan="2" class="muted">Your cart is empty.</td></tr>';
  $('#total').textContent = `€${items.reduce((sum, product) => sum + product.price, 0)}`;
}

function renderCheckout() {
  // Friction: the postal code check clears what the user typed instead of saying what is wrong.
  const postal = $('#postal');
  postal.addEventListener('blur', () => {
    if (postal.value && !/^\d{5}$/.test(postal.value)) postal.value = '';
  });
  // Friction until 1.5.0: "Apply" took four seconds and showed nothing meanwhile; 1.5.0 answers at once.
  $('#apply-coupon').addEventListener('click', () => {
    setTimeout(
      () => {
        $('#coupon-result').textContent = 'This code has expired.';
      },
      RELEASE === '1.5.0' ? 150 : 4_000,
    );
  });
  // Friction: Pay stays disabled until a checkbox far below the form is ticked, and never says so.
  const terms = $('#terms');
  const pay = $('#pay');
  const update = () => {
    const filled = ['#name', '#email', '#postal'].every((selector) => $(selector).value.trim() !== '');
    pay.disabled = !(filled && terms.checked);
  };
  for (const input of document.querySelectorAll('form.checkout input')) input.addEventListener('input', update);
  terms.addEventListener('change', update);
  update();
  $('form.checkout').addEventListener('submit', (event) => {
    event.preventDefault();
    saveCart([]);
    location.href = '/order';
  });
}

const page = document.body.dataset.page;
if (page === 'list') renderList();
if (page === 'product') renderProduct();
if (page === 'cart') renderCart();
if (page === 'checkout') renderCheckout();
