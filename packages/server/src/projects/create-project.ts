import { randomBytes } from 'node:crypto';
import type { Store } from '../store/client.js';
import { findProject, insertProject, insertPublicKey } from './store.js';

export const DEFAULT_PROJECT_ID = 'default';

/** A public ingest key: it can only write events, so it may appear in page source. */
export function generatePublicKey(): string {
  return `pk_${randomBytes(18).toString('base64url')}`;
}

/** A project id from its name (`"Web Shop"` → `web-shop`), made unique with a suffix when taken. */
export async function createProject(store: Store, name: string): Promise<{ id: string; key: string }> {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'project';
  let id = base;
  while (await findProject(store, id)) id = `${base}-${randomBytes(3).toString('hex')}`;
  await insertProject(store, { id, name });
  const key = generatePublicKey();
  await insertPublicKey(store, id, key);
  return { id, key };
}
