import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../helpers/browser.js';
import { removeDataDir, startSnag } from '../../helpers/snag-server.js';
import { signedInContext } from './helpers/dashboard-fixture.js';
import { collectConsoleErrors, seriousA11yViolations } from './helpers/page-checks.js';

/**
 * Issue 18, the Alerts screen in Chromium against the real server: an admin adds channels
 * (a bad URL or address is named on the form), sends a test and reads how it went, and the
 * history shows each delivery with its status and error.
 */

const UI_WAIT = { timeout: 15_000 };
let snag: Awaited<ReturnType<typeof startSnag>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let receiver: Server;
let receiverUrl: string;
let received = 0;
let consoleErrors: string[];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  // Email goes to an SMTP port nobody listens on: saved fine, delivered never. The receiver is
  // on loopback, which the outbound policy refuses unless allowed.
  snag = await startSnag({
    env: {
      SNAG_SMTP_URL: 'smtp://127.0.0.1:9',
      SNAG_SMTP_FROM: 'alerts@snag.example',
      SNAG_OUTBOUND_ALLOW: '127.0.0.1',
    },
  });
  browser = await launchBrowser();
  context = await signedInContext(browser, snag.url);
  page = await context.newPage();
  consoleErrors = collectConsoleErrors(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await snag?.close();
  if (snag) removeDataDir(snag.dataDir);
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('the Alerts screen', () => {
  it('is in the sidebar and starts empty', async () => {
    await page.goto('/p/default');
    await page.click('nav >> text=Alerts');
    await page.waitForURL(/\/p\/default\/alerts$/);
    await page.getByRole('heading', { name: 'No channels yet' }).waitFor(UI_WAIT);
    await page.getByRole('heading', { name: 'Nothing sent yet' }).waitFor(UI_WAIT);
  });

  it('names a bad webhook URL or email address before saving', async () => {
    await page.click('text=Add channel');
    await page.fill('input[type="url"]', 'ftp://files.example.com/hook');
    await page.click('text=Save channel');
    await expect(page.locator('.channel-form .form-error').textContent()).resolves.toBe(
      'The URL must start with https:// or http://.',
    );
    expect(await page.getAttribute('input[type="url"]', 'aria-invalid')).toBe('true');

    await page.click('.channel-form >> text=Email');
    await page.fill('textarea', 'pm@example.com, not-an-address');
    await page.click('text=Save channel');
    await expect(page.locator('.channel-form .form-error').textContent()).resolves.toBe(
      '"not-an-address" is not an email address.',
    );
    const dir = process.env.SNAG_SCREENSHOT_DIR;
    if (dir) await page.screenshot({ path: path.join(dir, 'alerts-form.png') });
  });

  it('saves channels, sends a test, and shows the results in the history', async () => {
    await page.fill('textarea', 'pm@example.com');
    await page.fill('.channel-form input:not([type])', 'Product team');
    await page.click('text=Save channel');
    await page.locator('td >> text=Product team').waitFor(UI_WAIT);

    await page.click('text=Add channel');
    await page.fill('.channel-form input:not([type])', 'Receiver');
    await page.fill('input[type="url"]', receiverUrl);
    await page.click('text=Save channel');
    const webhookRow = page.locator('tr', { hasText: 'Receiver' });
    await webhookRow.waitFor(UI_WAIT);
    await expect(webhookRow.locator('.channel-secret code').textContent()).resolves.toMatch(/^whsec_/);

    await webhookRow.getByRole('button', { name: 'Send test' }).click();
    await webhookRow.locator('text=Test sent').waitFor(UI_WAIT);
    expect(received).toBe(1);

    const emailRow = page.locator('tr', { hasText: 'Product team' });
    await emailRow.getByRole('button', { name: 'Send test' }).click();
    await emailRow.locator('text=/Test failed: .*ECONNREFUSED/').waitFor(UI_WAIT);

    const history = page.locator('section', { has: page.getByRole('heading', { name: 'History' }) });
    await history.locator('li', { hasText: 'Receiver' }).locator('.delivery-sent').waitFor(UI_WAIT);
    await history.locator('li', { hasText: 'Product team' }).locator('.delivery-failed').waitFor(UI_WAIT);
    await expect(history.locator('.delivery-error').first().textContent()).resolves.toContain('ECONNREFUSED');

    const dir = process.env.SNAG_SCREENSHOT_DIR;
    if (dir) await page.screenshot({ path: path.join(dir, 'alerts.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('deletes a channel after a confirmation', async () => {
    const channels = page.locator('section', { has: page.getByRole('heading', { name: 'Channels' }) });
    const row = channels.locator('tr', { hasText: 'Receiver' });
    await row.getByRole('button', { name: 'Delete the channel Receiver' }).click();
    await row.getByRole('button', { name: 'Delete now' }).click();
    await row.waitFor({ state: 'detached', ...UI_WAIT });
    expect(consoleErrors).toEqual([]);
  });
});
