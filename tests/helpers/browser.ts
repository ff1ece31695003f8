import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; one per test file. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Page errors the host page itself throws, collected so tests can assert on them. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Waits until the SDK has a session and returns its id. */
export async function sessionIdOf(page: Page): Promise<string> {
  await page.waitForFunction('window.snag && window.snag.getSessionId()');
  return (await page.evaluate('window.snag.getSessionId()')) as string;
}

/** Waits until the lazily loaded recorder chunk has registered. */
export async function recorderLoaded(page: Page): Promise<void> {
  await page.waitForFunction('typeof window.__snagRecorder === "function"');
}

/** Waits until the detectors chunk (form struggle, thrashed cursor) has registered. */
export async function detectorsLoaded(page: Page): Promise<void> {
  await page.waitForFunction('typeof window.__snagDetectors === "function"');
}

export function flush(page: Page): Promise<unknown> {
  return page.evaluate('window.snag.flush()');
}
