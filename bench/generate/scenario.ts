/**
 * The traffic the generator plants: a shop funnel with three known problems.
 * Rates are per visit of the page in question; the rage-prone control gets
 * three times worse in the second release.
 */
export const RELEASES = ['1.4.0', '1.5.0'] as const;

export interface ElementSpec {
  selector: string;
  tag: string;
  text: string;
  test_id: string;
}

const button = (testId: string, text: string): ElementSpec => ({
  selector: `[data-testid="${testId}"]`,
  tag: 'button',
  text,
  test_id: testId,
});

export const ELEMENTS = {
  addToCart: button('add-to-cart', 'Add to cart'),
  applyCoupon: button('apply-coupon', 'Apply coupon'),
  pay: button('pay', 'Pay now'),
  checkout: button('go-to-checkout', 'Checkout'),
  placeOrder: button('continue-to-payment', 'Continue to payment'),
} as const;

/** Probability, per visit of the page, of each planted problem. */
export const RATES = {
  /** Rage clicks on "Add to cart", by release. */
  rageAddToCart: { '1.4.0': 0.08, '1.5.0': 0.24 },
  /** "Apply coupon" does nothing: a dead click. */
  deadCoupon: 0.25,
  /** "Pay now" throws: error click(s), then the session ends on the payment page (a dead end). */
  payError: 0.3,
  /** Any page view: one random low-level signal on a random ordinary element. */
  noise: 0.01,
} as const;

/** Hotspot keys as the API reports them: element key is the test id selector, '' for the page. */
export const PLANTED_HOTSPOTS = [
  { path: '/checkout/payment', element: '[data-testid="pay"]', kind: 'error_click' },
  { path: '/checkout/payment', element: '', kind: 'dead_end' },
  { path: '/products/:id', element: '[data-testid="add-to-cart"]', kind: 'rage_click' },
  { path: '/checkout', element: '[data-testid="apply-coupon"]', kind: 'dead_click' },
] as const;

/** The hotspot whose rate the second release makes worse. */
export const PLANTED_REGRESSION = PLANTED_HOTSPOTS[2];

export const NOISE_KINDS = ['slow_click', 'thrashed_cursor', 'form_struggle', 'dead_click'] as const;
export const NOISE_ELEMENTS: readonly ElementSpec[] = Array.from({ length: 40 }, (_, index) => ({
  selector: `main > section:nth-child(${(index % 8) + 1}) > a:nth-child(${Math.floor(index / 8) + 1})`,
  tag: 'a',
  text: `Link ${index + 1}`,
  test_id: '',
}));

export const DEVICES = [
  { device: 'desktop', share: 0.6, width: 1440, height: 900, os: 'Windows', browser: 'Chrome' },
  { device: 'mobile', share: 0.3, width: 390, height: 844, os: 'iOS', browser: 'Mobile Safari' },
  { device: 'tablet', share: 0.1, width: 820, height: 1180, os: 'iPadOS', browser: 'Safari' },
] as const;
