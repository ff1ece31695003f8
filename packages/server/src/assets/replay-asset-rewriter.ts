import type { Store } from '../store/client.js';
import { assetPath } from './asset-path.js';
import { findReplayAssets } from './asset-store.js';
import { NOT_KEPT_URL } from './constants.js';
import { assetWalker } from './replay-asset-walker.js';

const MIGHT_LOAD = /https?:|url\(|src|href|@import/i;

/**
 * Rewrites a session's recording as it is served: each stylesheet, font and image URL
 * becomes its kept copy on the asset endpoint, and every other URL the rebuilt page would
 * load (not kept, media, frames, preloads) becomes one that loads nothing. So a replay
 * never makes the analyst's browser call the recorded site.
 */
export async function replayAssetRewriter(
  store: Store,
  projectId: string,
  sessionId: string,
): Promise<{ rewrite(chunkJson: string): string }> {
  const kept = new Map<string, string>();
  for (const asset of await findReplayAssets(store, projectId, sessionId)) {
    if (asset.status === 'stored') kept.set(asset.url, assetPath(projectId, asset.sha256));
  }
  const walker = assetWalker((url, kind) => (kind === 'other' ? NOT_KEPT_URL : (kept.get(url) ?? NOT_KEPT_URL)));
  return {
    rewrite(chunkJson) {
      if (!MIGHT_LOAD.test(chunkJson)) return chunkJson;
      const events = JSON.parse(chunkJson) as { type: number }[];
      walker.visit(events);
      return JSON.stringify(events);
    },
  };
}
