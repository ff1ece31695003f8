import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BackupError } from './backup-error.js';

/** The file that makes a folder a Snag backup; beside it, `clickhouse/` and maybe `spool/`. */
export const MANIFEST_FILE = 'snag-backup.json';
export const CLICKHOUSE_SUBDIR = 'clickhouse';
export const SPOOL_SUBDIR = 'spool';
const FORMAT = 1;

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  created_at: z.string(),
  database: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  /** Migrations the backed-up schema had; a restore applies any newer ones. */
  migrations: z.array(z.number().int()),
  /** Taken by the running server (`POST /api/v1/admin/backup`) rather than `snag backup`. */
  online: z.boolean(),
  spool_files: z.number().int().min(0),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export async function writeManifest(folder: string, manifest: BackupManifest): Promise<void> {
  await writeFile(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

export async function readManifest(folder: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(folder, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupError(`${folder} is not a Snag backup (no ${MANIFEST_FILE} in it)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new BackupError(`${path.join(folder, MANIFEST_FILE)} is not a backup manifest this Snag reads`);
  return parsed.data;
}
