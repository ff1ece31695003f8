/**
 * A ClickHouse HTTP interface served by chDB (the real ClickHouse engine) in its
 * own process: what `@clickhouse/client` talks to when Snag runs on a remote
 * store. There is no ClickHouse server on this machine; this lets tests and
 * benches exercise the remote path over real HTTP — and take the store away
 * (kill this process) and bring it back on the same data.
 *
 *   node --import tsx packages/server/test/helpers/chdb-http-server.ts <data dir> [port]
 *
 * Prints `listening on http://127.0.0.1:<port>` once ready.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { Session } from 'chdb';

const [dataDir, port = '0'] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: chdb-http-server.ts <data dir> [port]');
  process.exit(2);
}
const session = new Session(dataDir);

/** URL parameters of the HTTP interface that are not settings. */
const NOT_SETTINGS = new Set(['query', 'query_id', 'database', 'session_id', 'role', 'default_format']);
/** Settings that only the HTTP layer knows; the embedded engine would refuse them. */
const HTTP_ONLY = new Set(['wait_end_of_query', 'enable_http_compression', 'send_progress_in_http_headers']);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
}

/** Executes one request, one at a time: settings are session-wide `SET`s, as in chdb's own connection. */
let queue: Promise<unknown> = Promise.resolve();
function execute(sql: string, params: Record<string, string>, format: string | undefined) {
  const run = () =>
    Object.keys(params).length > 0
      ? session.queryBindAsync(sql, params, { format: format ?? 'TabSeparated' })
      : session.queryAsync(sql, { format: format ?? 'TabSeparated' });
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/ping') {
    res.end('Ok.\n');
    return;
  }
  try {
    const body = await readBody(req);
    const query = url.searchParams.get('query');
    const params: Record<string, string> = {};
    const settings: string[] = [];
    for (const [key, value] of url.searchParams) {
      if (key.startsWith('param_')) params[key.slice('param_'.length)] = value;
      else if (!NOT_SETTINGS.has(key) && !HTTP_ONLY.has(key) && /^\w+$/.test(key)) {
        settings.push(`SET ${key} = '${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
      }
    }
    const statement = query ? `${query}\n${body}` : body;
    const sql = [...settings, statement].join(';\n');
    const result = await execute(sql, params, url.searchParams.get('default_format') ?? undefined);
    const summary = { read_rows: String(result.rowsRead), read_bytes: String(result.bytesRead), written_rows: '0' };
    res.setHeader('X-ClickHouse-Summary', JSON.stringify(summary));
    res.setHeader('X-ClickHouse-Query-Id', url.searchParams.get('query_id') ?? '');
    res.end(Buffer.from(result.bytes()));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = /Code: (\d+)/.exec(message)?.[1] ?? '1002';
    res.statusCode = 500;
    res.setHeader('X-ClickHouse-Exception-Code', code);
    res.end(message.includes('Code:') ? message : `Code: ${code}. DB::Exception: ${message}`);
  }
});

server.listen(Number(port), '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`listening on http://127.0.0.1:${address.port}`);
});

const stop = () => server.close(() => session.close());
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
