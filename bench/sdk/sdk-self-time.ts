import type { CDPSession } from 'playwright-core';

/** Sampling interval of the CPU profile, µs: fine enough for a 100 ms-scale figure, light enough not to skew it. */
const SAMPLING_INTERVAL_US = 500;

interface ProfileNode {
  id: number;
  callFrame: { url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The main-thread time spent in the SDK's own functions, from V8's sampling profiler: every sample whose
 * innermost JavaScript frame belongs to an SDK file (style and layout a function forces count in it).
 * Unlike "script ms minus the page without SDK", it does not carry the page's own run-to-run variation
 * (±1.5 s on the stress page, more than the SDKs add).
 */
export async function profileSdkSelfTime(cdp: CDPSession): Promise<() => Promise<number>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const sdkNodes = new Set(profile.nodes.filter((node) => isSdkFile(node.callFrame.url)).map((node) => node.id));
    let micros = 0;
    profile.samples.forEach((id, i) => {
      // A sample's time is the delta to the next one.
      if (sdkNodes.has(id)) micros += profile.timeDeltas[i + 1] ?? 0;
    });
    return micros / 1000;
  };
}

/** The SDKs' files: Snag's server (/sdk.js, /sdk/*, /v1/config.js) and the peers' bundles (/assets/*). */
function isSdkFile(url: string): boolean {
  if (!url) return false;
  const { pathname } = new URL(url);
  return pathname.startsWith('/sdk') || pathname.startsWith('/assets/') || pathname.startsWith('/v1/');
}
