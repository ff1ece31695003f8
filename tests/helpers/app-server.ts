import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The host product: a tiny static server on its own origin (so every SDK request
 * is cross-origin, as in production). Every path answers with the template, with
 * `{{SNAG_URL}}` replaced, so SPA routes reload to the same page; `/api/status/N`
 * answers with status N for the failed-request scenarios.
 */
export async function startAppServer(templatePath: string, snagUrl: () => string): Promise<AppServer> {
  const server: Server = createServer((req, res) => {
    const status = /^\/api\/status\/(\d{3})/.exec(req.url ?? '');
    if (status) {
      res.writeHead(Number(status[1]), { 'Content-Type': 'application/json' });
      res.end('{"error":"test"}');
      return;
    }
    if (req.url?.startsWith('/favicon')) {
      res.writeHead(204).end();
      return;
    }
    const html = readFileSync(templatePath, 'utf8').replaceAll('{{SNAG_URL}}', snagUrl());
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
