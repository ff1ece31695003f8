import { describe, expect, it, vi } from 'vitest';
import { KEY_CACHE_TTL_MS } from '../../src/constants.js';
import { KeyResolver } from '../../src/projects/key-resolver.js';
import type { Store } from '../../src/store/client.js';

/** A store whose key lookups can be made to fail, as when ClickHouse is unreachable. */
function keyStore(keys: Record<string, string>) {
  const state = { down: false, lookups: 0 };
  const store = {
    query: async (sql: string, params: { key?: string }) => {
      if (state.down) throw new Error('ECONNREFUSED');
      state.lookups += 1;
      if (sql.includes('LIMIT {limit:UInt32}')) {
        return Object.entries(keys).map(([key, project_id]) => ({ key, project_id }));
      }
      const projectId = keys[params.key ?? ''];
      return projectId ? [{ project_id: projectId }] : [];
    },
  } as unknown as Store;
  return { store, state };
}

describe('ingest key cache', () => {
  it('keeps resolving a known key after its cache entry expired while the store is down', async () => {
    vi.useFakeTimers();
    try {
      const { store, state } = keyStore({ pk_a: 'alpha' });
      const keys = new KeyResolver(store);
      expect(await keys.resolve('pk_a')).toBe('alpha');
      vi.advanceTimersByTime(KEY_CACHE_TTL_MS + 1);
      state.down = true;
      expect(await keys.resolve('pk_a')).toBe('alpha');
      await expect(keys.resolve('pk_unknown')).rejects.toThrow('ECONNREFUSED');
    } finally {
      vi.useRealTimers();
    }
  });

  it('preloads every live key, so an outage from the first request still resolves them', async () => {
    const { store, state } = keyStore({ pk_a: 'alpha', pk_b: 'beta' });
    const keys = new KeyResolver(store);
    await keys.preload();
    state.down = true;
    expect(await keys.resolve('pk_b')).toBe('beta');
    expect(state.lookups).toBe(1);
  });
});
