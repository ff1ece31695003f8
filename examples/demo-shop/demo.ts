import { parseArgs } from 'node:util';
import { startDemo } from './start-demo.js';

const USAGE = `Usage: pnpm demo [--sessions N] [--port P] [--shop-port P] [--data-dir DIR]

Starts Snag on a fresh embedded store, drives N simulated visitors (happy buyer,
confused, impatient) through the demo shop in Chromium (release 1.4.0 for the first
half, 1.5.0 for the rest), sends an alert about what 1.5.0 broke and the weekly
digest to a local webhook receiver and SMTP catcher, then leaves the dashboard
running with their recordings. Ctrl-C stops it.`;

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '12' },
    port: { type: 'string', default: '4318' },
    'shop-port': { type: 'string', default: '4319' },
    'data-dir': { type: 'string', default: '.snag-demo' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const name of ['sessions', 'port', 'shop-port'] as const) {
  if (!/^\d+$/.test(values[name])) {
    console.error(`--${name} must be a whole number\n\n${USAGE}`);
    process.exit(1);
  }
}

const sessions = Number(values.sessions);
console.log(`Simulating ${sessions} visitors in Chromium…`);
const demo = await startDemo({
  dataDir: values['data-dir'],
  port: Number(values.port),
  shopPort: Number(values['shop-port']),
  sessions,
  onSession: (session) =>
    console.log(
      `  ${String(session.index + 1).padStart(2)}/${sessions} ${session.persona.padEnd(11)} ${session.device.padEnd(7)} release ${session.release}`,
    ),
  onAlert: (caught) => console.log(`  ${caught.via === 'email' ? 'email  ' : 'webhook'} ← ${caught.title}`),
});
if (demo.catchers.caught.length < demo.expectedAlerts) {
  console.log('Waiting for the alert and the digest to arrive…');
  await demo.catchers.waitFor(demo.expectedAlerts, 60_000);
}
console.log(`
Snag dashboard:  ${demo.snag.url}
  admin token:   ${demo.snag.credentials.adminToken}   (sign in with "Admin token")
Demo shop:       ${demo.shop.url}   (browse it to add your own sessions)
Alerts:          the rule "Regressions after a release" and the weekly digest went to
  webhook        ${demo.catchers.webhookUrl}
  email          pm@northwind.example (SMTP catcher at ${demo.catchers.smtpUrl})
                 (see them on the Alerts screen, with each delivery's status)

Ctrl-C to stop.`);

const stop = async () => {
  await demo.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
