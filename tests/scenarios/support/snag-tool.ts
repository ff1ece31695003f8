import type { SignalKind } from '@snag/protocol';
import { DEAD_CLICK_MS, RAGE_CLICK_ANY_GAP_MS } from '../../../packages/sdk/src/constants.js';
import { detectorsLoaded, flush, sessionIdOf } from '../../helpers/browser.js';
import { PROJECT_KEY, sessionSignals } from '../../helpers/snag-server.js';
import type { DetectionTool } from './detection-tool.js';

/** Snag by script tag, its signals read back from the real server's session API. */
export function snagTool(snagUrl: () => string): DetectionTool {
  return {
    name: 'Snag',
    head: () => `<script async src="${snagUrl()}/sdk.js" data-key="${PROJECT_KEY}"></script>`,
    ready: async (page) => {
      await sessionIdOf(page);
      await detectorsLoaded(page);
    },
    // A dead click is judged DEAD_CLICK_MS after pointerdown; a burst closes RAGE_CLICK_ANY_GAP_MS after its last click.
    settleMs: Math.max(DEAD_CLICK_MS, RAGE_CLICK_ANY_GAP_MS) + 500,
    collect: async (page) => {
      const session = await sessionIdOf(page);
      await flush(page);
      const signals = await sessionSignals(snagUrl(), session);
      return signals.map((signal) => signal.kind as SignalKind);
    },
  };
}
