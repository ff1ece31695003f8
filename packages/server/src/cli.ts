#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { BackupError } from './backup/backup-error.js';
import { printAdminToken } from './commands/admin-token.js';
import { backup } from './commands/backup.js';
import { deletePerson } from './commands/people.js';
import { restore } from './commands/restore.js';
import { serve } from './commands/serve.js';
import { SPOOL_USAGE, spoolCommand } from './commands/spool.js';
import { ConfigError, loadConfig } from './config.js';
import { createProject, DEFAULT_PROJECT_ID } from './projects/create-project.js';
import { openStore } from './store/client.js';
import { MigrationChangedError, migrate } from './store/migrate.js';

const USAGE = `Usage: snag <command>

Commands:
  serve                   start the server (ingest, admin and report API, the SDK files)
  migrate                 apply pending ClickHouse migrations and exit
  projects create NAME    create a project and print its public ingest key
  people delete ID [--project P]
                          delete every session of a user id or anonymous id
  admin-token             print the admin token (set by SNAG_ADMIN_TOKEN, or generated on the first start)
  backup DIR              back the embedded store up into a new folder (server stopped)
  restore DIR [--force]   restore a backup into a fresh data folder (--force: replace it)
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
      force: { type: 'boolean', default: false },
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
      return deletePerson(config, values.project, person);
    }
    case 'admin-token':
      return printAdminToken(config);
    case 'backup':
      return backup(config, rest[0]);
    case 'restore':
      return restore(config, rest[0], values.force);
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof BackupError || error instanceof MigrationChangedError) {
      console.error(error.message);
    } else console.error(error);
    process.exitCode = 1;
  },
);
