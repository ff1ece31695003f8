import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { type Logger, silentLogger } from '../observability/logger.js';
import { syncFolder, writeFileDurably } from './durable-file.js';
import { type StoreErrorDetails, storeErrorDetails } from './insert-failure.js';

/** Rows the store refused, kept with the reason until an operator retries or drops them. */
export interface DeadLetter {
  id: string;
  table: string;
  rows: number;
  bytes: number;
  /** `ingest`: refused while a request waited; `spool`: refused while the spool replayed it. */
  source: 'ingest' | 'spool';
  error: StoreErrorDetails;
  created_at: string;
  projects: string[];
}

export interface DeadLetterStats {
  letters: number;
  rows: number;
  bytes: number;
}

const DEAD_LETTER_STATS_TTL_MS = 5_000;
const META = /^(\d{13}-[0-9a-f]{8})\.json$/;
const TABLE = /^[a-z_]+$/;

/**
 * The dead-letter folder: each letter is `<id>.<table>.jsonl` (the rows, as they
 * would be inserted) and `<id>.json` (what was refused and why), both fsynced. The
 * meta file is written last, so a letter without one is incomplete and ignored.
 */
export class DeadLetters {
  private cached: { at: number; stats: DeadLetterStats } | undefined;

  constructor(
    readonly dir: string,
    private readonly logger: Logger = silentLogger,
    private readonly onAdd: (letter: DeadLetter) => void = () => undefined,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Counted from the folder (an operator may retry or drop letters while the server runs), at most every few seconds. */
  stats(): DeadLetterStats {
    const now = Date.now();
    if (this.cached && now - this.cached.at < DEAD_LETTER_STATS_TTL_MS) return this.cached.stats;
    const stats: DeadLetterStats = { letters: 0, rows: 0, bytes: 0 };
    for (const letter of listDeadLetters(this.dir)) {
      stats.letters += 1;
      stats.rows += letter.rows;
      stats.bytes += letter.bytes;
    }
    this.cached = { at: now, stats };
    return stats;
  }

  async add(
    table: string,
    lines: readonly string[],
    error: unknown,
    source: DeadLetter['source'],
  ): Promise<DeadLetter> {
    const body = `${lines.join('\n')}\n`;
    const id = `${String(Date.now()).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;
    const letter: DeadLetter = {
      id,
      table,
      rows: lines.length,
      bytes: Buffer.byteLength(body),
      source,
      error: storeErrorDetails(error),
      created_at: new Date().toISOString(),
      projects: projectsOf(lines),
    };
    await writeFileDurably(path.join(this.dir, `${id}.${table}.jsonl`), body);
    await writeFileDurably(path.join(this.dir, `${id}.json`), `${JSON.stringify(letter, null, 2)}\n`);
    await syncFolder(this.dir);
    this.cached = undefined;
    this.logger.error(
      { dead_letter: id, table, rows: letter.rows, projects: letter.projects, error: letter.error },
      'the event store refused rows: kept as a dead letter (see `snag spool status`)',
    );
    this.onAdd(letter);
    return letter;
  }

  /** Calls `visit` with every row of every letter and its table. */
  async scan(visit: (row: Record<string, unknown>, table: string) => void): Promise<void> {
    for (const letter of listDeadLetters(this.dir)) {
      const text = await readFile(path.join(this.dir, `${letter.id}.${letter.table}.jsonl`), 'utf8');
      for (const line of text.split('\n')) if (line) visit(JSON.parse(line) as Record<string, unknown>, letter.table);
    }
  }

  /** Removes rows matching `drop` from every letter (erasure); returns how many rows went. */
  async erase(drop: (row: Record<string, unknown>) => boolean): Promise<number> {
    let removed = 0;
    for (const letter of listDeadLetters(this.dir)) {
      const file = path.join(this.dir, `${letter.id}.${letter.table}.jsonl`);
      const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
      const kept = lines.filter((line) => !drop(JSON.parse(line) as Record<string, unknown>));
      if (kept.length === lines.length) continue;
      removed += lines.length - kept.length;
      this.cached = undefined;
      if (kept.length === 0) {
        await removeLetter(this.dir, letter);
        continue;
      }
      const body = `${kept.join('\n')}\n`;
      const updated = { ...letter, rows: kept.length, bytes: Buffer.byteLength(body) };
      await writeFileDurably(file, body);
      await writeFileDurably(path.join(this.dir, `${letter.id}.json`), `${JSON.stringify(updated, null, 2)}\n`);
    }
    return removed;
  }
}

/** Every complete letter in the folder, oldest first. */
export function listDeadLetters(dir: string): DeadLetter[] {
  if (!existsSync(dir)) return [];
  const letters: DeadLetter[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!META.test(name)) continue;
    const letter = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as DeadLetter;
    if (TABLE.test(letter.table) && existsSync(path.join(dir, `${letter.id}.${letter.table}.jsonl`))) {
      letters.push(letter);
    }
  }
  return letters;
}

/**
 * Moves letters back into the spool folder, where the spool (of a running server
 * within seconds, or of the next start) inserts them again.
 */
export async function redriveDeadLetters(dir: string, spoolDir: string, letters: DeadLetter[]): Promise<void> {
  mkdirSync(spoolDir, { recursive: true });
  for (const letter of letters) {
    await rename(
      path.join(dir, `${letter.id}.${letter.table}.jsonl`),
      path.join(spoolDir, `r${letter.id}.${letter.table}.jsonl`),
    );
    await unlink(path.join(dir, `${letter.id}.json`));
  }
  await syncFolder(spoolDir);
  await syncFolder(dir);
}

export async function dropDeadLetters(dir: string, letters: DeadLetter[]): Promise<void> {
  for (const letter of letters) await removeLetter(dir, letter);
  await syncFolder(dir);
}

async function removeLetter(dir: string, letter: DeadLetter): Promise<void> {
  await unlink(path.join(dir, `${letter.id}.json`));
  await unlink(path.join(dir, `${letter.id}.${letter.table}.jsonl`));
}

function projectsOf(lines: readonly string[]): string[] {
  const projects = new Set<string>();
  for (const line of lines) {
    const match = /"project_id":"([^"\\]{1,64})"/.exec(line);
    if (match?.[1]) projects.add(match[1]);
    if (projects.size >= 20) break;
  }
  return [...projects];
}
