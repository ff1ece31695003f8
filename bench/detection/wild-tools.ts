import type { SignalKind } from '@snag/protocol';
import { flush, sessionIdOf } from '../../tests/helpers/browser.js';
import { sessionSignals } from '../../tests/helpers/snag-server.js';
import { snagTool } from '../../tests/scenarios/support/snag-tool.js';
import { collectTimed, posthogTool, sentryTool } from './peer-tools.js';
import type { WildTool } from './wild-run.js';

interface SnagElement {
  selector?: string;
  name?: string;
  role?: string;
}

/** Snag, posthog-js and Sentry Replay, each able to list its signals with their times. */
export function wildTools(snagUrl: () => string): WildTool[] {
  const snag: WildTool = {
    tool: snagTool(snagUrl),
    collectTimed: async (page) => {
      const session = await sessionIdOf(page);
      await flush(page);
      return (await sessionSignals(snagUrl(), session)).map((signal) => {
        const element = signal.element as SnagElement | undefined;
        const label = element ? `${element.role ?? ''} "${element.name ?? ''}" ${element.selector ?? ''}`.trim() : '';
        return { kind: signal.kind as SignalKind, t: signal.t, element: label };
      });
    },
  };
  return [snag, { tool: posthogTool, collectTimed }, { tool: sentryTool, collectTimed }];
}
