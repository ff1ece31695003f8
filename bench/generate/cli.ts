import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, migrate, openStore } from '@snag/server';
import { generateTraffic } from './index.js';

const USAGE = `Usage: pnpm --filter @snag/bench generate [options]

Writes generated shop traffic with planted hotspots straight into the store
configured like the server (SNAG_DATA_DIR or CLICKHOUSE_URL, see .env.example).

  --project ID      project to write to (created if missing)   default: demo
  --sessions N      number of sessions                         default: 5000
  --days N          spread over the last N days                default: 14
  --seed N          random seed (same seed, same traffic)      default: 1
  --padding N       extra network events per page view         default: 0
  --no-replay       skip rrweb replay chunks`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      project: { type: 'string', default: 'demo' },
      sessions: { type: 'string', default: '5000' },
      days: { type: 'string', default: '14' },
      seed: { type: 'string', default: '1' },
      padding: { type: 'string', default: '0' },
      'no-replay': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const numbers = { sessions: values.sessions, days: values.days, seed: values.seed, padding: values.padding };
  for (const [name, value] of Object.entries(numbers)) {
    if (!/^\d+$/.test(value)) {
      console.error(`--${name} must be a whole number\n\n${USAGE}`);
      return 1;
    }
  }
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(values.project)) {
    console.error('--project must be lower-case letters, digits and "-"');
    return 1;
  }
  const store = openStore(loadConfig().store);
  try {
    await migrate(store);
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await store.insert('projects', [{ id: values.project, name: values.project, created_at: now, updated_at: now }]);
    const started = performance.now();
    const truth = await generateTraffic(store, {
      project: values.project,
      sessions: Number(values.sessions),
      days: Number(values.days),
      end: Date.now(),
      seed: Number(values.seed),
      paddingPerPage: Number(values.padding),
      replay: !values['no-replay'],
    });
    const seconds = (performance.now() - started) / 1_000;
    console.log(
      `${truth.sessions} sessions, ${truth.events} events, ${truth.replayChunks} replay chunks into "${values.project}" in ${seconds.toFixed(1)} s`,
    );
    for (const [key, byRelease] of Object.entries(truth.planted))
      console.log(`  planted ${key}: ${JSON.stringify(byRelease)}`);
  } finally {
    await store.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
