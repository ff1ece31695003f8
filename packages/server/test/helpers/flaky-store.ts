import type { Store } from '../../src/store/client.js';

/**
 * The real store, except that inserts fail as ClickHouse unreachable would (a plain
 * network error) while `state.down` is true. `insert` replaces how rows go in when up.
 */
export function flakyStore(
  store: Store,
  options: { down?: boolean; insert?: (table: string, body: string) => Promise<void> } = {},
) {
  const state = { down: options.down ?? true };
  const insert = options.insert ?? ((table: string, body: string) => store.insertJsonLines(table, body));
  const flaky: Store = {
    ...store,
    insertJsonLines: (table, body) => (state.down ? Promise.reject(new Error('ECONNREFUSED')) : insert(table, body)),
  };
  return { flaky, state };
}
