import { KEY_CACHE_TTL_MS, MAX_CACHED_KEYS, UNKNOWN_KEY_CACHE_TTL_MS } from '../constants.js';
import type { Store } from '../store/client.js';
import { findLivePublicKeys, findProjectIdByKey } from './store.js';

interface Entry {
  projectId: string | undefined;
  expires: number;
}

/**
 * Maps public ingest keys to project ids, remembering answers briefly so ingest
 * rarely asks the store. While the store is unreachable a key it knew keeps
 * resolving (stale-if-error), so batches still reach the spool instead of 503s;
 * `preload` fills the cache at start so that holds from the first request.
 */
export class KeyResolver {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly store: Store) {}

  async preload(): Promise<void> {
    const expires = Date.now() + KEY_CACHE_TTL_MS;
    for (const row of await findLivePublicKeys(this.store, MAX_CACHED_KEYS)) {
      this.cache.set(row.key, { projectId: row.project_id, expires });
    }
  }

  async resolve(key: string): Promise<string | undefined> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.projectId;
    let projectId: string | undefined;
    try {
      projectId = await findProjectIdByKey(this.store, key);
    } catch (error) {
      if (hit?.projectId) return hit.projectId;
      throw error;
    }
    if (this.cache.size >= MAX_CACHED_KEYS) this.cache.clear();
    this.cache.set(key, {
      projectId,
      expires: now + (projectId ? KEY_CACHE_TTL_MS : UNKNOWN_KEY_CACHE_TTL_MS),
    });
    return projectId;
  }
}
