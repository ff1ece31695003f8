import { type Agent, request } from 'node:http';

const USER_AGENT =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const REQUEST_TIMEOUT_MS = 30_000;

/** The ingest URL of a server under test; benchmarks send traffic to loopback only. */
export function loopbackIngestUrl(serverUrl: string): URL {
  const target = new URL('/v1/ingest', serverUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('load goes to loopback only');
  return target;
}

/** POSTs one gzip batch as a browser would and resolves with the status (0 when the request failed). */
export function postBatch(target: URL, agent: Agent, key: string, body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'Content-Length': body.length,
          'X-Snag-Key': key,
          'User-Agent': USER_AGENT,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
