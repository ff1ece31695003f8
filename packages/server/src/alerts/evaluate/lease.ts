import type { Store } from '../../store/client.js';
import { formatDateTime } from '../../store/datetime.js';
import { LEASE_SETTLE_MS } from './constants.js';

/**
 * Whether this server evaluates alerts in this round, when several servers share one store:
 * each claims the round (a row), waits LEASE_SETTLE_MS for the others' claims to land, and the
 * earliest claim (then the smallest holder id) wins. A server that misses a round just skips it;
 * the dedupe of firings keeps an alert from going out twice if two ever both believe they won.
 */
export async function claimRound(
  store: Store,
  round: string,
  holder: string,
  settle: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<boolean> {
  await store.insert('alert_leases', [{ round, holder, claimed_at: formatDateTime(Date.now()) }]);
  await settle(LEASE_SETTLE_MS);
  const [winner] = await store.query<{ holder: string }>(
    `SELECT holder FROM {db:Identifier}.alert_leases WHERE round = {round:String}
     ORDER BY claimed_at, holder LIMIT 1`,
    { round },
  );
  return winner?.holder === holder;
}
