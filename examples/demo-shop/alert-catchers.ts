import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What arrived at the demo's webhook receiver or mailbox, in arrival order. */
export interface Caught {
  via: 'webhook' | 'email';
  title: string;
}

export interface AlertCatchers {
  webhookUrl: string;
  smtpUrl: string;
  caught: Caught[];
  /** Resolves once at least `count` messages have arrived (or after `timeoutMs`). */
  waitFor(count: number, timeoutMs: number): Promise<Caught[]>;
  close(): Promise<void>;
}

/**
 * A webhook receiver and an SMTP catcher on 127.0.0.1, so that a newcomer sees the demo's
 * alert and digest arrive without any account anywhere. `onCatch` prints each one.
 */
export async function startAlertCatchers(onCatch: (caught: Caught) => void): Promise<AlertCatchers> {
  const caught: Caught[] = [];
  const keep = (item: Caught) => {
    caught.push(item);
    onCatch(item);
  };
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        keep({ via: 'webhook', title: String(JSON.parse(Buffer.concat(chunks).toString('utf8')).title) });
      } catch {
        keep({ via: 'webhook', title: '(a body that is not JSON)' });
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => keep({ via: 'email', title: mail.subject ?? '(no subject)' }))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    webhookUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}/snag-alerts`,
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    caught,
    async waitFor(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (caught.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      return caught;
    },
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
