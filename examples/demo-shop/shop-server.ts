import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SITE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'site');
const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/product': 'product.html',
  '/size-guide': 'size-guide.html',
  '/cart': 'cart.html',
  '/checkout': 'checkout.html',
  '/order': 'order.html',
};
const ASSETS: Record<string, string> = {
  '/shop.css': 'text/css; charset=utf-8',
  '/shop.js': 'text/javascript; charset=utf-8',
};
export const DEFAULT_RELEASE = '1.5.0';

export interface ShopOptions {
  /** The Snag server the pages load the SDK from and send events to. */
  snagUrl: string;
  /** The project's public ingest key. */
  key: string;
  port?: number;
  /** Extra attributes on the SDK's script tag, e.g. `data-replay="on-struggle"`. */
  sdkAttributes?: string;
}

export interface Shop {
  url: string;
  close(): Promise<void>;
}

/**
 * The demo shop on its own origin. Each page loads the SDK by script tag; the
 * release it reports comes from the `demo_release` cookie, so the simulator can
 * play visitors of two releases.
 */
export async function startShop({ snagUrl, key, port = 0, sdkAttributes = '' }: ShopOptions): Promise<Shop> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://shop').pathname;
    const asset = ASSETS[path];
    if (asset) {
      res.writeHead(200, { 'Content-Type': asset, 'Cache-Control': 'no-store' });
      res.end(readFileSync(join(SITE_DIR, path.slice(1))));
      return;
    }
    const page = PAGES[path];
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const release = /(?:^|;\s*)demo_release=([\w.-]+)/.exec(req.headers.cookie ?? '')?.[1] ?? DEFAULT_RELEASE;
    const html = readFileSync(join(SITE_DIR, page), 'utf8')
      .replaceAll('data-key="{{SNAG_KEY}}"', `${sdkAttributes} data-key="{{SNAG_KEY}}"`.trim())
      .replaceAll('{{SNAG_URL}}', snagUrl)
      .replaceAll('{{SNAG_KEY}}', key)
      .replaceAll('{{RELEASE}}', release);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
