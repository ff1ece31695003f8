import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WildPage } from './wild-page.js';

const USE_DIR = join(import.meta.dirname, 'use');

/** Every page's ordinary use (use/<page>.ts), in name order; `SNAG_WILD=a,b` narrows the run. */
export async function loadWildPages(): Promise<WildPage[]> {
  const only = process.env.SNAG_WILD?.split(',').filter(Boolean);
  const files = readdirSync(USE_DIR)
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => !only || only.includes(file.replace(/\.ts$/, '')))
    .sort();
  return Promise.all(
    files.map(
      async (file) => ((await import(pathToFileURL(join(USE_DIR, file)).href)) as { default: WildPage }).default,
    ),
  );
}
