#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { SPOOL_USAGE, spoolCommand } from './commands/spool.js';
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './index.js';
import { erasePerson } from './privacy/erase-person.js';
import { ErasedSessions } from './privacy/erased-sessions.js';
import { createProject, DEFAULT_PROJECT_ID } from './projects/create-project.js';
import { openStore } from './store/client.js';
import { DeadLetters } from './store/dead-letters.js';
import { migrate } from './store/migrate.js';
import { Spool } from './store/spool.js';

const USAGE = `Usage: snag <command>

Commands:
  serve                   start the server (ingest, admin and report API, the SDK files)
  migrate                 apply pending ClickHouse migrations and exit
  projects create NAME    create a project and print its public ingest key
  people delete ID [--project P]
                          delete every session of a user id or anonymous id
  spool status|retry|drop the disk spool and the dead letters (rows the store refused)

Configuration comes from the environment; see .env.example.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      project: { type: 'string', default: DEFAULT_PROJECT_ID },
      all: { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const store = openStore(config.store);
      try {
        const result = await migrate(store);
        console.log(result.applied.length ? `applied: ${result.applied.join(', ')}` : 'schema is up to date');
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'projects': {
      const name = rest.slice(1).join(' ').trim();
      if (rest[0] !== 'create' || !name) {
        console.error('Usage: snag projects create NAME');
        return 1;
      }
      const store = openStore(config.store);
      try {
        await migrate(store);
        const project = await createProject(store, name);
        console.log(`project: ${project.id}\npublic key: ${project.key}`);
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'people': {
      const person = rest[1];
      if (rest[0] !== 'delete' || !person) {
        console.error('Usage: snag people delete ID [--project P]');
        return 1;
      }
      const store = openStore(config.store);
      const erased = new ErasedSessions(store);
      // The server is stopped (the embedded store is one process's): its spool and dead letters are erased here too.
      const spool = new Spool(
        config.spool.dir,
        config.spool.maxBytes,
        store,
        undefined,
        new DeadLetters(config.spool.deadLetterDir),
      );
      try {
        await migrate(store);
        const result = await erasePerson({ store, spool, erased }, values.project, person);
        console.log(`deleted ${result.sessions} session(s) of "${person}" in project ${values.project}`);
      } finally {
        erased.close();
        await spool.close();
        await store.close();
      }
      return 0;
    }
    case 'spool': {
      const args = values.all ? [...rest, '--all'] : rest;
      if (!args[0]) {
        console.error(SPOOL_USAGE);
        return 1;
      }
      return spoolCommand(config, args, (line) => console.log(line));
    }
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 1;
  }
}

async function serve(config: ReturnType<typeof loadConfig>): Promise<number> {
  const server = await startServer(config);
  const where = config.store.kind === 'embedded' ? `embedded ClickHouse in ${config.store.dataDir}` : config.store.url;
  console.log(
    [
      `Snag is listening on ${server.url}`,
      `  store:               ${where} (database ${config.store.database})`,
      '  default project:     default',
      `  public ingest key:   ${server.credentials.defaultProjectKey}`,
      `  admin token:         ${server.credentials.adminToken}`,
      `  ingest endpoint:     ${server.url}/v1/ingest`,
      `  dashboard:           ${server.url}/ (sign in with the admin token)`,
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      console.log(`${signal} received: finishing writes and shutting down`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  console.log('Snag stopped');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  },
);
