import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver answers a request with: a status, or `hang` (never answer). */
export type Answer = number | 'hang';

export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Resolves with the n-th request (1-based) once it has arrived. */
  request(n: number): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that records every request and answers as `answer` says. */
export async function startHttpReceiver(
  answer: (request: ReceivedRequest, n: number) => Answer,
): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const waiters: Array<{ n: number; resolve: (request: ReceivedRequest) => void }> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      const n = requests.length;
      const status = answer(request, n);
      if (status !== 'hang') res.writeHead(status, { 'Content-Type': 'text/plain' }).end('ok');
      for (const waiter of waiters.filter((w) => w.n === n)) waiter.resolve(request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/snag`,
    requests,
    request(n) {
      const arrived = requests[n - 1];
      if (arrived) return Promise.resolve(arrived);
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export interface SmtpReceiver {
  port: number;
  url: string;
  /** Resolves with the n-th message (1-based), parsed, once it has arrived. */
  message(n: number): Promise<{ envelopeTo: string[]; mail: ParsedMail }>;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (no TLS, any login) that keeps every message it receives. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: Array<{ envelopeTo: string[]; mail: ParsedMail }> = [];
  const waiters: Array<{ n: number; resolve: (message: { envelopeTo: string[]; mail: ParsedMail }) => void }> = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'alerts' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({ envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
          const n = messages.length;
          for (const waiter of waiters.filter((w) => w.n === n))
            waiter.resolve(messages[n - 1] as (typeof messages)[0]);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://alerts:secret@127.0.0.1:${port}`,
    message(n) {
      const arrived = messages[n - 1];
      if (arrived) return Promise.resolve(arrived);
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
