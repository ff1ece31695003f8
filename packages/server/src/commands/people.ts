import type { Config } from '../config.js';
import { erasePerson } from '../privacy/erase-person.js';
import { ErasedSessions } from '../privacy/erased-sessions.js';
import { openStore } from '../store/client.js';
import { DeadLetters } from '../store/dead-letters.js';
import { migrate } from '../store/migrate.js';
import { Spool } from '../store/spool.js';

/**
 * `snag people delete ID`: erases a person's sessions with the server stopped (the
 * embedded store belongs to one process), in the store, the spool and the dead letters.
 */
export async function deletePerson(config: Config, project: string, person: string): Promise<number> {
  const store = openStore(config.store);
  const erased = new ErasedSessions(store);
  const spool = new Spool(
    config.spool.dir,
    config.spool.maxBytes,
    store,
    undefined,
    new DeadLetters(config.spool.deadLetterDir),
  );
  try {
    await migrate(store);
    const result = await erasePerson({ store, spool, erased }, project, person);
    console.log(`deleted ${result.sessions} session(s) of "${person}" in project ${project}`);
  } finally {
    erased.close();
    await spool.close();
    await store.close();
  }
  return 0;
}
