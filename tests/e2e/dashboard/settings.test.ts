import type { RecordingSettingsResponse } from '@snag/protocol';
import type { RunningServer } from '@snag/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../helpers/browser.js';
import { ADMIN_TOKEN, removeDataDir, startSnag } from '../../helpers/snag-server.js';
import { collectConsoleErrors, seriousA11yViolations } from './helpers/page-checks.js';

/**
 * Issue 14 part 3, the Settings screen in Chromium against the real server: an admin changes the
 * replay mode and adds a mask selector; a selector that cannot be one is refused beside its field
 * before anything is sent; the screen then says who changed the settings; the feedback tab is
 * turned on; its question shows on the Questions screen as the tab's, edited in Settings.
 */

let snag: RunningServer & { dataDir: string };
let browser: Browser;
let page: Page;
let errors: string[];

const stored = async () =>
  (await (
    await fetch(`${snag.url}/api/v1/projects/default/settings/recording`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    })
  ).json()) as RecordingSettingsResponse;

beforeAll(async () => {
  snag = await startSnag();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: snag.url })).newPage();
  await page.goto('/sign-in?with=token');
  await page.fill('#admin-token', ADMIN_TOKEN);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/p\//);
  errors = collectConsoleErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await snag?.close();
  if (snag) removeDataDir(snag.dataDir);
});

describe('Settings screen', () => {
  it('is in the sidebar, shows the defaults, and refuses a selector that cannot be one beside its field', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('form', { name: 'Recording settings' }).waitFor();
    await page.getByText('Defaults: nobody has changed these yet.').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const mask = page.getByLabel('Mask the text of (one CSS selector per line)');
    await mask.fill('.account-name\ndiv { color: red }');
    await page.getByRole('button', { name: 'Save recording settings' }).click();
    await page.getByText('“div { color: red }” is not a CSS selector').waitFor();
    expect(await mask.getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).updated_at).toBeNull();
  });

  it('saves the replay mode and the selectors, and says who changed them', async () => {
    await page.getByLabel('Mask the text of (one CSS selector per line)').fill('.account-name\n#card-holder');
    await page.getByText('On struggle', { exact: true }).click();
    await page.getByLabel('Pre-roll (seconds)').fill('90');
    await page.getByRole('button', { name: 'Save recording settings' }).click();
    await page.getByRole('button', { name: 'Saved' }).waitFor();
    await page
      .getByText(/Last changed by the admin token/)
      .first()
      .waitFor();
    expect(await stored()).toMatchObject({
      replay: 'on-struggle',
      replay_buffer_ms: 90_000,
      mask_selectors: ['.account-name', '#card-holder'],
      updated_by: 'admin_token',
    });
  });

  it('turns the feedback tab on; its question is the tab’s on the Questions screen', async () => {
    await page.getByLabel('Show the feedback tab on every page').check();
    await page.getByLabel('Question', { exact: true }).fill('What brought you here today?');
    const form = page.getByRole('form', { name: 'Feedback tab' });
    await form.getByRole('button', { name: 'Save feedback tab' }).click();
    await form.getByRole('button', { name: 'Saved' }).waitFor();
    expect((await stored()).feedback).toEqual({
      enabled: true,
      label: 'Feedback',
      question: 'What brought you here today?',
    });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' }).click();
    const row = page.getByRole('row', { name: /What brought you here today\?/ });
    await row.getByText('Feedback tab · every page, any time').waitFor();
    expect(await row.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await row.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('form', { name: 'Feedback tab' }).waitFor();
    expect(errors).toEqual([]);
  });
});
