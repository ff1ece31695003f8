import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { type DeadLetter, dropDeadLetters, listDeadLetters, redriveDeadLetters } from '../store/dead-letters.js';

export const SPOOL_USAGE = `Usage: snag spool status
       snag spool retry ID… | --all     put dead letters back in the spool to be inserted again
       snag spool drop ID… | --all      delete dead letters for good`;

/**
 * `snag spool status|retry|drop`: what waits in the spool, and the dead letters (rows
 * the store refused) with their reasons. Works on the data folder, with the server
 * running or not: a running server picks re-driven letters up within seconds.
 */
export async function spoolCommand(config: Config, args: string[], print: (line: string) => void): Promise<number> {
  const [action, ...ids] = args;
  const deadDir = config.spool.deadLetterDir;
  if (action === 'status') {
    printStatus(config, print);
    return 0;
  }
  if (action !== 'retry' && action !== 'drop') {
    print(SPOOL_USAGE);
    return 1;
  }
  const letters = listDeadLetters(deadDir);
  const chosen = ids.includes('--all') ? letters : letters.filter((letter) => ids.includes(letter.id));
  const unknown = ids.filter((id) => id !== '--all' && !letters.some((letter) => letter.id === id));
  if (ids.length === 0 || unknown.length > 0) {
    print(ids.length === 0 ? SPOOL_USAGE : `no dead letter ${unknown.join(', ')} (see snag spool status)`);
    return 1;
  }
  if (action === 'retry') {
    await redriveDeadLetters(deadDir, config.spool.dir, chosen);
    print(
      `${chosen.length} dead letter(s) put back in the spool (${rowsOf(chosen)} rows); rows refused again return here`,
    );
  } else {
    await dropDeadLetters(deadDir, chosen);
    print(`${chosen.length} dead letter(s) deleted (${rowsOf(chosen)} rows)`);
  }
  return 0;
}

function printStatus(config: Config, print: (line: string) => void): void {
  const spooled = spoolFiles(config.spool.dir);
  const bytes = spooled.reduce((sum, file) => sum + file.bytes, 0);
  const oldest = spooled[0];
  print(
    `spool: ${spooled.length} file(s), ${formatBytes(bytes)} of ${formatBytes(config.spool.maxBytes)}` +
      (oldest ? `, oldest written ${oldest.modified.toISOString()}` : ''),
  );
  const letters = listDeadLetters(config.spool.deadLetterDir);
  print(`dead letters: ${letters.length} (${rowsOf(letters)} rows) in ${config.spool.deadLetterDir}`);
  for (const letter of letters) {
    const reason = [letter.error.type, letter.error.message.split('\n')[0]?.slice(0, 160)].filter(Boolean).join(': ');
    print(
      `  ${letter.id}  ${letter.table}  ${letter.rows} rows  from ${letter.source}  ${letter.created_at}  projects ${letter.projects.join(',') || '-'}\n    ${reason}`,
    );
  }
}

function spoolFiles(dir: string): Array<{ bytes: number; modified: Date }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
  } catch {
    return [];
  }
  return names
    .sort()
    .map((name) => statSync(path.join(dir, name)))
    .map((stats) => ({ bytes: stats.size, modified: stats.mtime }));
}

function rowsOf(letters: DeadLetter[]): number {
  return letters.reduce((sum, letter) => sum + letter.rows, 0);
}

function formatBytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
