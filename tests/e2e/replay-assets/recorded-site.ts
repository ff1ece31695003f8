import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Fonts Debian ships with Chromium; the two releases use different ones under the same URL. */
const FONT_V1 = '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf';
const FONT_V2 = '/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf';

const box = (colour: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="${colour}"/><circle cx="80" cy="45" r="30" fill="white"/></svg>`;

/** What each release serves; the URLs never change, only what they answer. */
const RELEASES = {
  1: {
    site: 'body{margin:0;font-family:sans-serif;background:#f4f1e8 url(/pattern.svg) repeat-x 0 300px}.hero{width:160px;height:90px}.gone{background:url(/gone.png)}',
    brand:
      '@font-face{font-family:Brand;src:url(brand.ttf) format("truetype")}h1{font-family:Brand,monospace;color:#7a1f5c;font-size:40px;margin:16px}',
    hero: box('#1f7a3a'),
    pattern: box('#d9c27a'),
    font: FONT_V1,
  },
  2: {
    site: 'body{margin:0;font-family:serif;background:#10243e url(/pattern.svg) repeat-x 0 300px}.hero{width:160px;height:90px}',
    brand:
      '@font-face{font-family:Brand;src:url(brand.ttf) format("truetype")}h1{font-family:Brand,monospace;color:#f0b400;font-size:40px;margin:16px}',
    hero: box('#c0182a'),
    pattern: box('#3a9ad9'),
    font: FONT_V2,
  },
} as const;

export interface RecordedSite {
  /** The page's origin (HTML, its own stylesheet and images). */
  url: string;
  /** A second origin: the brand stylesheet and its web font, as from a CDN. */
  cdnUrl: string;
  /** Every request either origin received. */
  requests: string[];
  release(version: 1 | 2): void;
  close(): Promise<void>;
}

function listen(handler: (req: IncomingMessage) => [number, string, string | Buffer]): Promise<Server> {
  const server = createServer((req, res) => {
    const [status, type, body] = handler(req);
    // No caching: a release must be what the next request sees.
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const origin = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/**
 * A product on one origin using a stylesheet and a web font from another, whose CSS, font
 * and images change with a release (same URLs). The page loads Snag's SDK by script tag.
 */
export async function startRecordedSite(snagUrl: string, key: string): Promise<RecordedSite> {
  let version: 1 | 2 = 1;
  const requests: string[] = [];
  const cdn = await listen((req) => {
    requests.push(`${origin(cdn)}${req.url}`);
    if (req.url === '/brand.css') return [200, 'text/css', RELEASES[version].brand];
    if (req.url === '/brand.ttf') return [200, 'font/ttf', readFileSync(RELEASES[version].font)];
    return [404, 'text/plain', 'not found'];
  });
  const site = await listen((req) => {
    requests.push(`${origin(site)}${req.url}`);
    const release = RELEASES[version];
    if (req.url === '/site.css') return [200, 'text/css', release.site];
    if (req.url === '/hero.svg') return [200, 'image/svg+xml', release.hero];
    if (req.url === '/pattern.svg') return [200, 'image/svg+xml', release.pattern];
    if (req.url !== '/') return [404, 'text/plain', 'not found'];
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Recorded shop</title>
<link rel="stylesheet" href="/site.css"><link rel="stylesheet" href="${origin(cdn)}/brand.css">
<script async src="${snagUrl}/sdk.js" data-key="${key}"></script></head>
<body><h1 id="title">Autumn sale</h1><img class="hero" alt="Hero" src="/hero.svg"></body></html>`;
    return [200, 'text/html; charset=utf-8', html];
  });
  return {
    url: origin(site),
    cdnUrl: origin(cdn),
    requests,
    release(next) {
      version = next;
    },
    close: async () => {
      for (const server of [site, cdn]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
