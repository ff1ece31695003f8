import { KEY_CACHE_TTL_MS, UNKNOWN_KEY_CACHE_TTL_MS } from '../constants.js';
import type { Store } from '../store/client.js';
import { findProjectIdByKey } from './store.js';

/** Maps public ingest keys to project ids, remembering answers briefly so ingest rarely asks the store. */
export class KeyResolver {
  private readonly cache = new Map<string, { projectId: string | undefined; expires: number }>();

  constructor(private readonly store: Store) {}

  async resolve(key: string): Promise<string | undefined> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.projectId;
    const projectId = await findProjectIdByKey(this.store, key);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, {
      projectId,
      expires: now + (projectId ? KEY_CACHE_TTL_MS : UNKNOWN_KEY_CACHE_TTL_MS),
    });
    return projectId;
  }
}
