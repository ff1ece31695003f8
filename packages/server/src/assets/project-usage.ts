import type { Store } from '../store/client.js';
import { findProjectAssetBytes } from './asset-store.js';
import { ASSET_USAGE_CACHE_MS } from './constants.js';

/** Each project's stored asset bytes against its cap, read from the store now and then and counted in between. */
export class ProjectUsage {
  private readonly used = new Map<string, { bytes: number; readAt: number }>();

  constructor(
    private readonly store: Store,
    private readonly maxBytes: number,
  ) {}

  async reserve(projectId: string, bytes: number): Promise<boolean> {
    let entry = this.used.get(projectId);
    if (!entry || Date.now() - entry.readAt > ASSET_USAGE_CACHE_MS) {
      entry = { bytes: await findProjectAssetBytes(this.store, projectId), readAt: Date.now() };
      this.used.set(projectId, entry);
    }
    if (entry.bytes + bytes > this.maxBytes) return false;
    entry.bytes += bytes;
    return true;
  }
}
