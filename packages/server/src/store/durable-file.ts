import { open, rename } from 'node:fs/promises';

/** Writes a file so that it exists whole or not at all after a crash: temp file, fsync, rename, fsync the folder. */
export async function writeFileDurably(file: string, body: string): Promise<void> {
  const handle = await open(`${file}.tmp`, 'w');
  try {
    await handle.writeFile(body);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(`${file}.tmp`, file);
}

/** Makes the renames and unlinks in a folder durable. */
export async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
