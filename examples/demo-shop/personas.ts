import type { Page } from 'playwright-core';
import { DEMO_QUESTION } from './demo-question.js';

/** How long a visitor looks at something before acting, in ms (a simulator pacing, not a test wait). */
const GLANCE_MS = 600;
const READ_MS = 1_500;
/** Left before this, a page counts as a quick back (the server's rule is 5 s). */
const QUICK_BACK_MS = 1_200;
/** How long a visitor gives the question widget to appear after a struggle, in ms (its delay, the 3 s rule, the import). */
const QUESTION_WAIT_MS = 5_000;

/** `answers`: whether the shop asks questions at struggles (the demo creates one; other runs do not). */
export type Persona = (page: Page, shopUrl: string, pick: (count: number) => number, answers: boolean) => Promise<void>;

/** What confused visitors say they were trying to do, in the question's follow-up field. */
const WANTED = [
  'I wanted to see the shipping conditions',
  'Where are the delivery costs?',
  'Looking for how long delivery takes',
];

/** Waits for the question at a struggle and hands it to `act`; goes on without it if it does not come. */
async function whenAsked(page: Page, act: () => Promise<void>) {
  const dialog = page.getByRole('dialog', { name: DEMO_QUESTION.text });
  const shown = await dialog.waitFor({ timeout: QUESTION_WAIT_MS }).then(
    () => true,
    () => false,
  );
  if (!shown) return;
  await page.waitForTimeout(GLANCE_MS);
  await act();
  await page.waitForTimeout(GLANCE_MS);
}

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
/** Applies the coupon; true when it was slow and got hammered (a struggle). */
async function applyCoupon(page: Page): Promise<boolean> {
  await page.fill('[data-testid="coupon"]', 'SAVE10');
  await page.click('[data-testid="apply-coupon"]');
  await page.waitForTimeout(GLANCE_MS);
  if (await page.locator('#coupon-result:not(:empty)').count()) return false;
  for (let click = 0; click < 4; click++) {
    await page.click('[data-testid="apply-coupon"]');
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(READ_MS);
  return true;
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
export const confused: Persona = async (page, shopUrl, pick, answers) => {
  await openProduct(page, shopUrl, pick);
  await pickSize(page);
  for (let click = 0; click < 4; click++) {
    await page.click('[data-testid="free-shipping"]');
    await page.waitForTimeout(150);
  }
  // Asked why, they say the badge looked like a link, and what they wanted.
  if (answers) {
    await whenAsked(page, async () => {
      await page.getByRole('button', { name: 'I thought it was a link' }).click();
      await page.keyboard.type(WANTED[pick(WANTED.length)] ?? '', { delay: 30 });
      await page.getByRole('button', { name: 'Send' }).click();
    });
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
export const impatient: Persona = async (page, shopUrl, pick, answers) => {
  await openProduct(page, shopUrl, pick);
  await pickSize(page);
  await toCheckout(page);
  // No patience for questions either: asked at the coupon struggle, they dismiss it with Esc.
  if ((await applyCoupon(page)) && answers) await whenAsked(page, () => page.keyboard.press('Escape'));
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
