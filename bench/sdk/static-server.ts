import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type PageKind, pageHtml } from './pages.js';
import type { PeerAssets, Variant } from './peers.js';
import { headFor } from './peers.js';

/**
 * Serves `/<variant>/<page>` with that variant's snippet, the peers' assets, and a
 * sink that accepts whatever PostHog and Sentry send (including PostHog's remote
 * config, answered with session recording on).
 */
export async function startStaticServer(assets: PeerAssets, snagUrl: string) {
  let origin = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const asset = /^\/assets\/(.+)$/.exec(url.pathname);
    if (asset) {
      const body = assets.files.get(asset[1] ?? '');
      res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/javascript' }).end(body ?? '');
      return;
    }
    if (url.pathname.startsWith('/ph/') || url.pathname.startsWith('/api/')) {
      req.resume();
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Access-Control-Allow-Origin': '*',
      });
      res.end(
        JSON.stringify({
          featureFlags: {},
          sessionRecording: { endpoint: '/s/' },
          supportedCompression: ['gzip-js'],
          autocapture_opt_out: false,
        }),
      );
      return;
    }
    const page = /^\/(none|snag|rrweb|posthog|sentry)\/(app|stress)/.exec(url.pathname);
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    const html = pageHtml(page[2] as PageKind, headFor(page[1] as Variant, snagUrl, origin));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
