import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DIST_DIR } from './build.js';
import { toneWav } from './tone.js';

export interface WildServer {
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  js: 'application/javascript',
  css: 'text/css',
  html: 'text/html; charset=utf-8',
};

/** What the load-more and pagination widgets fetch: a page of ten items, after a short wait. */
const ITEMS_DELAY_MS = 300;
/** The longest wait `/api/slow?ms=N` grants (the struggle cases' slow controls). */
const MAX_SLOW_MS = 10_000;

/**
 * The host product of the wild pages, on its own origin: `/<page>/` the built page with the tool's
 * snippet in `{{HEAD}}`, `/<page>/app.js|app.css`, `/files/report.csv` a download, `/media/tone.wav` a
 * few seconds of sound (`tone.vtt` its captions), `/api/items?page=N` ten items, `/api/slow?ms=N` an answer after N ms, `/sink/*` 200 (peers send their data there) and
 * `/assets/<name>` the peers' bundles.
 */
export async function startWildServer(
  head: (origin: string) => string,
  assets: Map<string, Buffer>,
): Promise<WildServer> {
  let origin = '';
  const wav = toneWav();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const [, first = '', second = ''] = url.pathname.split('/');
    if (first === 'sink') {
      req.resume();
      res
        .writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' })
        .end(JSON.stringify({ featureFlags: {}, autocapture_opt_out: false, supportedCompression: [] }));
      return;
    }
    if (first === 'assets' && assets.has(second)) {
      res.writeHead(200, { 'Content-Type': TYPES.js }).end(assets.get(second));
      return;
    }
    if (first === 'files') {
      res
        .writeHead(200, { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename="${second}"` })
        .end('month,visits\n2026-11,1200\n2026-12,1350\n');
      return;
    }
    if (first === 'media' && second.endsWith('.vtt')) {
      res.writeHead(200, { 'Content-Type': 'text/vtt' }).end('WEBVTT\n\n00:00.000 --> 00:03.000\n(a short jingle)\n');
      return;
    }
    if (first === 'media') {
      res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': wav.length }).end(wav);
      return;
    }
    if (first === 'api' && second === 'slow') {
      const waitMs = Math.min(Number(url.searchParams.get('ms') ?? '0'), MAX_SLOW_MS);
      setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'), waitMs);
      return;
    }
    if (first === 'api' && second === 'items') {
      const page = Number(url.searchParams.get('page') ?? '1');
      const items = Array.from({ length: 10 }, (_, i) => `Item ${(page - 1) * 10 + i + 1}`);
      setTimeout(
        () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ items })),
        ITEMS_DELAY_MS,
      );
      return;
    }
    const file = second === '' ? 'index.html' : second;
    const path = join(DIST_DIR, first, file);
    if (!first || first.includes('..') || file.includes('..') || !existsSync(path)) {
      res.writeHead(first === 'favicon.ico' ? 204 : 404).end();
      return;
    }
    const type = TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
    const text = readFileSync(path);
    res
      .writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' })
      .end(file === 'index.html' ? text.toString('utf8').replace('{{HEAD}}', head(origin)) : text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
