import type { QuestionsResponse } from '@snag/protocol';
import type { RunningServer } from '@snag/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../helpers/browser.js';
import { ADMIN_TOKEN, removeDataDir, startSnag } from '../../helpers/snag-server.js';
import { collectConsoleErrors, seriousA11yViolations } from './helpers/page-checks.js';

/**
 * Issue 15, the Questions screen in Chromium against the real server: a question is written in
 * the editor beside a live preview drawn by the SDK's widget, saved through the API, listed,
 * paused, and its results screen opens; a hotspot link pre-targets a new question.
 */

let snag: RunningServer & { dataDir: string };
let browser: Browser;
let page: Page;
let errors: string[];

/** The preview widget's text, read through its shadow root. */
const preview = () =>
  page.evaluate(
    `document.querySelector('[data-testid="widget-preview-host"]')?.shadowRoot?.querySelector('section')?.innerText ?? ''`,
  ) as Promise<string>;

beforeAll(async () => {
  snag = await startSnag();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: snag.url })).newPage();
  await page.goto('/sign-in?with=token');
  await page.fill('#admin-token', ADMIN_TOKEN);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/p\//);
  // From here on, the only console error allowed is the 400 of the refused field, on purpose.
  errors = collectConsoleErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await snag?.close();
  if (snag) removeDataDir(snag.dataDir);
});

describe('Questions screen', () => {
  it('writes a question beside a live preview of the widget and saves it', async () => {
    await page.goto(
      '/p/default/questions/new?path=/product&kind=rage_click&element=%5Bdata-testid%3D%22free-shipping%22%5D',
    );
    await page.getByRole('form', { name: 'Question' }).waitFor();
    await expect.poll(preview).toContain('What did you expect to happen?');
    expect(await page.getByLabel('Hotspot element key').inputValue()).toBe('[data-testid="free-shipping"]');
    expect(await page.getByLabel('Rage click').isChecked()).toBe(true);

    await page
      .getByRole('textbox', { name: 'Question', exact: true })
      .fill('How easy was it to find the delivery costs?');
    await page.getByText('Rating 1–5').click();
    await expect.poll(preview).toContain('How easy was it to find the delivery costs?');
    expect(await preview()).toMatch(/1\s*2\s*3\s*4\s*5/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create question' }).click();
    await page.waitForURL(/\/questions$/);
    await page.getByRole('link', { name: 'How easy was it to find the delivery costs?' }).waitFor();
    const listed = (await (
      await fetch(`${snag.url}/api/v1/projects/default/questions`, {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      })
    ).json()) as QuestionsResponse;
    expect(listed.questions).toEqual([
      expect.objectContaining({
        type: 'rating',
        options: [],
        targeting: {
          kinds: ['rage_click'],
          paths: [],
          hotspot: { path: '/product', element: '[data-testid="free-shipping"]' },
          release: null,
        },
        status: 'active',
      }),
    ]);
  });

  it('shows a refused field from the server, pauses a question, and opens its results', async () => {
    await page.goto('/p/default/questions/new');
    await page.getByRole('form', { name: 'Question' }).waitFor();
    await page.getByLabel('Ask this share of struggles (%)').fill('250');
    await page.getByRole('button', { name: 'Create question' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('sample_rate');

    await page.goto('/p/default/questions');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await page.getByRole('link', { name: 'Results' }).click();
    await page.getByRole('heading', { name: 'What people said' }).waitFor();
    await page.getByText('No answers in this range').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors.filter((error) => !error.includes('status of 400'))).toEqual([]);
  });
});
