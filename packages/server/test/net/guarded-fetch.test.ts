import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAllowList } from '../../src/net/allow-list.js';
import { guardedFetch } from '../../src/net/guarded-fetch.js';
import { OutboundError } from '../../src/net/outbound-error.js';
import type { Resolver } from '../../src/net/resolve-destination.js';

/** Every request the loopback server saw; nothing here ever leaves 127.0.0.1. */
const seen: { url: string; headers: IncomingMessage['headers']; method: string; body: string }[] = [];
let server: Server;
let origin: string;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        url: req.url ?? '',
        headers: req.headers,
        method: req.method ?? '',
        body: Buffer.concat(chunks).toString(),
      });
      const path = req.url ?? '/';
      if (path === '/style.css') {
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' }).end('body{color:red}');
      } else if (path === '/gzip.css') {
        res.writeHead(200, { 'content-type': 'text/css', 'content-encoding': 'gzip' }).end(gzipSync('a{b:c}'));
      } else if (path === '/big') {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': '5000' }).end(Buffer.alloc(5000));
      } else if (path === '/big-chunked') {
        res.writeHead(200, { 'content-type': 'image/png' });
        for (let i = 0; i < 10; i += 1) res.write(Buffer.alloc(500));
        res.end();
      } else if (path === '/to-metadata') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      } else if (path === '/to-intranet') {
        res.writeHead(301, { location: 'http://intranet.test/secret' }).end();
      } else if (path === '/to-style') {
        res.writeHead(302, { location: '/style.css' }).end();
      } else if (path === '/loop') {
        res.writeHead(302, { location: '/loop' }).end();
      } else if (path === '/see-other') {
        res.writeHead(303, { location: '/style.css' }).end();
      } else if (path === '/hang') {
        res.writeHead(200, { 'content-type': 'text/css' });
        res.write('a{');
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

const loopbackAllowed = createAllowList(['127.0.0.1']);

async function failure(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

/** A resolver for made-up names; it records what it was asked. */
function fakeDns(table: Record<string, string[]>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw new Error('ENOTFOUND');
    return addresses.map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) }));
  };
  return Object.assign(resolve, { asked });
}

describe('guardedFetch on a real loopback server', () => {
  it('refuses the loopback server while the allow-list is off, without connecting', async () => {
    const error = await failure(guardedFetch(`${origin}/style.css`));
    expect(error.reason).toBe('blocked_address');
    expect(seen).toHaveLength(0);
  });

  it('fetches it once the allow-list names the address', async () => {
    const response = await guardedFetch(`${origin}/style.css`, { allow: loopbackAllowed });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('text/css');
    expect(response.body.toString()).toBe('body{color:red}');
  });

  it('refuses a redirect from an allowed server to the metadata address', async () => {
    const error = await failure(guardedFetch(`${origin}/to-metadata`, { allow: loopbackAllowed }));
    expect(error.reason).toBe('blocked_address');
    expect(error.url).toBe('http://169.254.169.254/latest/meta-data/');
    expect(seen.map((r) => r.url)).toEqual(['/to-metadata']);
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    const dns = fakeDns({ 'intranet.test': ['10.0.0.7'] });
    const error = await failure(guardedFetch(`${origin}/to-intranet`, { allow: loopbackAllowed, resolve: dns }));
    expect(error.reason).toBe('blocked_address');
    expect(dns.asked).toEqual(['intranet.test']);
  });

  it('follows allowed redirects and stops at the limit', async () => {
    const followed = await guardedFetch(`${origin}/to-style`, { allow: loopbackAllowed });
    expect(followed).toMatchObject({ status: 200, url: `${origin}/style.css`, redirects: 1 });
    const error = await failure(guardedFetch(`${origin}/loop`, { allow: loopbackAllowed, maxRedirects: 3 }));
    expect(error.reason).toBe('too_many_redirects');
    expect(seen.filter((r) => r.url === '/loop')).toHaveLength(4);
  });

  it('connects to the address it checked, never asking the system for the name again', async () => {
    const dns = fakeDns({ 'assets.invalid': ['127.0.0.1'] });
    const response = await guardedFetch(`http://assets.invalid:${port}/style.css`, {
      allow: createAllowList(['assets.invalid']),
      resolve: dns,
    });
    expect(response.status).toBe(200);
    expect(seen[0]?.headers.host).toBe(`assets.invalid:${port}`);
  });

  it('refuses a name whose addresses include a private one, before connecting', async () => {
    const dns = fakeDns({ 'mixed.test': ['93.184.215.14', '127.0.0.1'], 'mapped.test': ['::ffff:7f00:1'] });
    for (const host of ['mixed.test', 'mapped.test']) {
      const error = await failure(guardedFetch(`http://${host}:${port}/style.css`, { resolve: dns }));
      expect(error.reason).toBe('blocked_address');
    }
    expect(seen).toHaveLength(0);
  });

  it('sends no cookies or credentials, and refuses URLs that carry them', async () => {
    await guardedFetch(`${origin}/style.css`, {
      allow: loopbackAllowed,
      headers: { Cookie: 'sid=1', Authorization: 'Bearer x', 'X-Snag-Signature': 'abc' },
    });
    expect(seen[0]?.headers.cookie).toBeUndefined();
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[0]?.headers['x-snag-signature']).toBe('abc');
    const error = await failure(guardedFetch(`http://user:pw@127.0.0.1:${port}/style.css`, { allow: loopbackAllowed }));
    expect(error.reason).toBe('bad_url');
  });

  it.each(['file:///etc/passwd', 'ftp://127.0.0.1/x', 'gopher://127.0.0.1:6379/_', 'not a url'])(
    'refuses %s as a bad URL',
    async (url) => {
      expect((await failure(guardedFetch(url, { allow: loopbackAllowed }))).reason).toBe('bad_url');
    },
  );

  it('stops reading past the byte limit, declared or streamed', async () => {
    for (const path of ['/big', '/big-chunked']) {
      const error = await failure(guardedFetch(`${origin}${path}`, { allow: loopbackAllowed, maxBytes: 1000 }));
      expect(error.reason).toBe('too_large');
    }
  });

  it('gives up at the time limit', async () => {
    const error = await failure(guardedFetch(`${origin}/hang`, { allow: loopbackAllowed, timeoutMs: 300 }));
    expect(error.reason).toBe('timeout');
  });

  it('refuses a content type the caller does not accept, and decodes gzip', async () => {
    const error = await failure(
      guardedFetch(`${origin}/big`, { allow: loopbackAllowed, acceptContentTypes: ['text/css', 'font/'] }),
    );
    expect(error.reason).toBe('content_type');
    const gz = await guardedFetch(`${origin}/gzip.css`, { allow: loopbackAllowed, acceptContentTypes: ['text/css'] });
    expect(gz.body.toString()).toBe('a{b:c}');
  });

  it('returns non-2xx answers as they are', async () => {
    const response = await guardedFetch(`${origin}/missing`, {
      allow: loopbackAllowed,
      acceptContentTypes: ['text/css'],
    });
    expect(response.status).toBe(404);
  });

  it('POSTs a body (a webhook) and turns a 303 into a GET without it', async () => {
    const response = await guardedFetch(`${origin}/see-other`, {
      allow: loopbackAllowed,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hello"}',
    });
    expect(response.status).toBe(200);
    expect(seen.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/see-other', '{"text":"hello"}'],
      ['GET', '/style.css', ''],
    ]);
    expect(seen[1]?.headers['content-type']).toBeUndefined();
  });
});
