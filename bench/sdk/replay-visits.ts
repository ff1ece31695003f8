import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '@snag/server';
import type { Browser, Page } from 'playwright-core';
import { PERSONAS, type Persona } from '../../examples/demo-shop/personas.js';
import { PROJECT_KEY } from '../../tests/helpers/snag-server.js';
import { pageHtml } from './pages.js';

/** Ordinary use of the shop, no struggle: three pages read and scrolled (a session on-struggle sends nothing for). */
export const ordinary: Persona = async (page, shopUrl) => {
  for (const path of ['/', '/product', '/cart']) {
    await page.goto(`${shopUrl}${path}`);
    await page.mouse.move(300, 300);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(2_500);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(2_500);
  }
};

export const BENCH_PERSONAS: Record<string, Persona> = { ordinary, ...PERSONAS };

/** A minute and a little of ordinary browsing across full page loads, before a persona's own visit. */
export async function warmUp(page: Page, shopUrl: string, ms: number): Promise<void> {
  const paths = ['/', '/product', '/size-guide', '/cart'];
  const began = Date.now();
  for (let view = 0; Date.now() - began < ms; view++) {
    await page.goto(`${shopUrl}${paths[view % paths.length]}`);
    await page.mouse.wheel(0, 250);
    await page.waitForTimeout(4_000);
  }
}

export interface Visit {
  persona: string;
  sessionId: string;
}

/** One fresh browser context per visit (one Snag session each), a few at a time; each flushes before closing. */
export async function runVisits(
  browser: Browser,
  shopUrl: string,
  names: string[],
  options: { warmUpMs?: number; concurrency: number },
): Promise<Visit[]> {
  const visits: Visit[] = [];
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const persona = names[next++] ?? 'ordinary';
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      try {
        if (options.warmUpMs) await warmUp(page, shopUrl, options.warmUpMs);
        await BENCH_PERSONAS[persona]?.(page, shopUrl, () => 0, false);
        const sessionId = (await page.evaluate('window.snag.getSessionId()')) as string;
        // The recorder's last chunk is compressed before it is sent: a moment, then the flush.
        await page.waitForTimeout(1_000);
        await page.evaluate('window.snag.flush()');
        visits.push({ persona, sessionId });
      } finally {
        await context.close();
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return visits;
}

/**
 * The stress page (60,000 cells, 3,000 changes a second) on-struggle for `ms`, then `keepReplay()`:
 * the notice it sends carries the buffer's peak (`buffer_peak_bytes`) and whether the cap cut it.
 */
export async function stressBufferPeak(browser: Browser, snag: RunningServer, ms: number): Promise<string> {
  const head = `<script async src="${snag.url}/sdk.js" data-key="${PROJECT_KEY}" data-replay="on-struggle"></script>`;
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(pageHtml('stress', head)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction('typeof window.__snagRecorder === "function"', undefined, { timeout: 60_000 });
    await page.waitForTimeout(ms);
    const sessionId = (await page.evaluate('window.snag.getSessionId()')) as string;
    await page.evaluate('window.snag.keepReplay()');
    await page.waitForTimeout(1_000);
    await page.evaluate('window.snag.flush()');
    return sessionId;
  } finally {
    await context.close();
    server.close();
  }
}
