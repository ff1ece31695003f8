import { HttpError } from '../../http/errors.js';
import type { Store } from '../../store/client.js';
import { findChannelsByIds } from './channels-store.js';

/** A 400 naming the channels that are not the project's (rules and the digest name channels by id). */
export function channelsChecker(store: Store) {
  return async (project: string, ids: string[] | undefined): Promise<void> => {
    if (!ids?.length) return;
    const found = new Set((await findChannelsByIds(store, project, ids)).map((channel) => channel.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new HttpError(400, 'invalid_request', `channel_ids: no channel ${missing.join(', ')} in this project`, {
        path: 'channel_ids',
      });
    }
  };
}
