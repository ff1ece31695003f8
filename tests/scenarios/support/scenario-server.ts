import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CatalogEntry } from './catalog.js';

export interface ScenarioServer {
  origin: string;
  close(): Promise<void>;
}

export interface ScenarioServerOptions {
  /** What goes into each page's `{{HEAD}}`: the tool under test. */
  head(origin: string): string;
  /** Extra static files served under /assets/ (peer SDKs). */
  assets?: Map<string, Buffer>;
}

/**
 * The host product of every scenario, on its own origin: `/<scenario>/<any path>`
 * answers with that scenario's template (so links and reloads stay on it),
 * `/api/slow?ms=N` after N ms, `/api/status/N` with status N, and anything under
 * `/sink/` with 200 (where peer SDKs send their data).
 */
export async function startScenarioServer(
  entries: CatalogEntry[],
  options: ScenarioServerOptions,
): Promise<ScenarioServer> {
  const templates = new Map(entries.map((entry) => [entry.scenario.name, readFileSync(entry.template, 'utf8')]));
  let origin = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const [, first = '', second = ''] = url.pathname.split('/');
    if (first === 'api' && second === 'slow') {
      setTimeout(
        () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'),
        Number(url.searchParams.get('ms')),
      );
      return;
    }
    if (first === 'api' && second === 'status') {
      res.writeHead(Number(url.pathname.split('/')[3]), { 'Content-Type': 'application/json' }).end('{}');
      return;
    }
    if (first === 'sink') {
      req.resume();
      // posthog-js reads its remote config from here: autocapture on, nothing else.
      res
        .writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' })
        .end(JSON.stringify({ featureFlags: {}, autocapture_opt_out: false, supportedCompression: [] }));
      return;
    }
    if (first === 'assets' && options.assets?.has(second)) {
      res.writeHead(200, { 'Content-Type': 'application/javascript' }).end(options.assets.get(second));
      return;
    }
    const template = templates.get(first);
    if (!template) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(template.replace('{{HEAD}}', options.head(origin)));
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
