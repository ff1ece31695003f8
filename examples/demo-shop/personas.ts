import type { Page } from 'playwright-core';

/** How long a visitor looks at something before acting, in ms (a simulator pacing, not a test wait). */
const GLANCE_MS = 600;
const READ_MS = 1_500;
/** Left before this, a page counts as a quick back (the server's rule is 5 s). */
const QUICK_BACK_MS = 1_200;

export type Persona = (page: Page, shopUrl: string, pick: (count: number) => number) => Promise<void>;

async function openProduct(page: Page, shopUrl: string, pick: (count: number) => number) {
  await page.goto(shopUrl);
  await page.waitForTimeout(GLANCE_MS);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(GLANCE_MS);
  await page.click(`[data-testid="product-${pick(6) + 1}"]`);
  await page.waitForLoadState('load');
  await page.waitForTimeout(READ_MS);
}

async function toCheckout(page: Page) {
  await page.click('[data-testid="add-to-cart"]');
  await page.waitForTimeout(GLANCE_MS);
  await page.click('[data-testid="view-cart"]');
  await page.waitForLoadState('load');
  await page.waitForTimeout(READ_MS);
  await page.click('[data-testid="go-to-checkout"]');
  await page.waitForLoadState('load');
  await page.waitForTimeout(GLANCE_MS);
}

async function fillDetails(page: Page, postal: string) {
  await page.fill('[data-testid="name"]', 'Alex Doe');
  await page.fill('[data-testid="email"]', 'alex@example.com');
  await page.click('[data-testid="postal"]');
  await page.keyboard.type(postal, { delay: 60 });
  await page.click('[data-testid="country"]');
  await page.waitForTimeout(GLANCE_MS);
}

/** Picks a size, and presses again (twice, quickly) when the button does not show it as picked. */
async function pickSize(page: Page) {
  await page.click('[data-testid="size-m"]');
  await page.waitForTimeout(GLANCE_MS);
  if (await page.locator('[data-testid="size-m"].on').count()) return;
  for (let click = 0; click < 3; click++) {
    await page.click('[data-testid="size-m"]');
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(READ_MS);
}

/** Presses Apply for a coupon, and hammers it when nothing happens. */
async function applyCoupon(page: Page) {
  await page.fill('[data-testid="coupon"]', 'SAVE10');
  await page.click('[data-testid="apply-coupon"]');
  await page.waitForTimeout(GLANCE_MS);
  if (await page.locator('#coupon-result:not(:empty)').count()) return;
  for (let click = 0; click < 4; click++) {
    await page.click('[data-testid="apply-coupon"]');
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(READ_MS);
}

/** Finds what they want, reads the terms at the bottom, pays. */
export const happyBuyer: Persona = async (page, shopUrl, pick) => {
  await openProduct(page, shopUrl, pick);
  await pickSize(page);
  await toCheckout(page);
  await applyCoupon(page);
  await fillDetails(page, '10115');
  await page.mouse.wheel(0, 600);
  await page.waitForTimeout(GLANCE_MS);
  await page.check('[data-testid="terms"]');
  await page.click('[data-testid="pay"]');
  await page.waitForLoadState('load');
  await page.waitForTimeout(READ_MS);
};

/** Clicks what looks clickable, gets lost in the size guide, fights the postal code, cannot pay, leaves. */
export const confused: Persona = async (page, shopUrl, pick) => {
  await openProduct(page, shopUrl, pick);
  await pickSize(page);
  for (let click = 0; click < 4; click++) {
    await page.click('[data-testid="free-shipping"]');
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(GLANCE_MS);
  await page.click('[data-testid="size-guide-link"]');
  await page.waitForLoadState('load');
  await page.waitForTimeout(QUICK_BACK_MS);
  await page.goBack();
  await page.waitForLoadState('load');
  await page.waitForTimeout(GLANCE_MS);
  await toCheckout(page);
  await applyCoupon(page);
  await fillDetails(page, '10 115');
  await page.click('[data-testid="postal"]');
  await page.keyboard.type('D-10115', { delay: 60 });
  await page.click('[data-testid="email"]');
  await page.waitForTimeout(GLANCE_MS);
  for (let click = 0; click < 5; click++) {
    await page.click('[data-testid="pay"]', { force: true });
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(READ_MS);
};

/** Hammers the coupon button when it is slow (before 1.5.0), then the disabled Pay button, and gives up. */
export const impatient: Persona = async (page, shopUrl, pick) => {
  await openProduct(page, shopUrl, pick);
  await pickSize(page);
  await toCheckout(page);
  await applyCoupon(page);
  await fillDetails(page, '10115');
  for (let click = 0; click < 3; click++) {
    await page.click('[data-testid="pay"]', { force: true });
    await page.waitForTimeout(150);
  }
  await page.goBack();
  await page.waitForLoadState('load');
  await page.waitForTimeout(GLANCE_MS);
};

export const PERSONAS = { 'happy buyer': happyBuyer, confused, impatient } as const;
