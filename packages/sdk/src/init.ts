import { cleanProperties as cleanTraits } from './capture/properties.js';
import { type Client, startClient } from './client.js';
import { resolveOptions } from './options.js';
import { doNotTrack } from './privacy/do-not-track.js';
import type { LoadChunk, ResolvedOptions, SnagOptions } from './types.js';
import { guard, reportInternal, setDebug } from './util/guard.js';
import { localStore } from './util/storage.js';

const OPT_OUT_KEY = 'optout';
const CONSENT_KEY = 'consent';

export interface SnagApi {
  init(options: SnagOptions & { debug?: boolean }): void;
  identify(userId: string, traits?: Record<string, string | number | boolean | null>): void;
  track(name: string, props?: Record<string, string | number | boolean | null>): void;
  optOut(): void;
  optIn(): void;
  consent(granted: boolean): void;
  flush(): Promise<void>;
  /** With `replay: 'on-struggle'`: keeps this session's replay (the buffered pre-roll and the rest of the session). */
  keepReplay(): void;
  getSessionId(): string | undefined;
  shutdown(): Promise<void>;
}

/**
 * The public API around at most one client. Every function is guarded: whatever
 * goes wrong inside the SDK, the host page never sees an exception.
 */
export function createApi(load: LoadChunk): SnagApi {
  let options: ResolvedOptions | undefined;
  let client: Client | undefined;

  const allowed = (resolved: ResolvedOptions) =>
    localStore.get(OPT_OUT_KEY) !== '1' &&
    !(resolved.respectDoNotTrack && doNotTrack()) &&
    (!resolved.requireConsent || localStore.get(CONSENT_KEY) === '1');
  const start = () => {
    if (!client && options && allowed(options)) client = startClient(options, load);
  };
  const stop = (discard: boolean) => {
    client?.stop(discard);
    client = undefined;
  };

  return {
    init: guard((input: SnagOptions & { debug?: boolean }) => {
      if (options || !input?.key) return;
      setDebug(input.debug === true);
      options = resolveOptions(input);
      start();
    }),
    identify: guard((userId: string, traits?: Record<string, string | number | boolean | null>) => {
      if (typeof userId === 'string' && userId) client?.identify(userId.slice(0, 128), cleanTraits(traits));
    }),
    track: guard((name: string, props?: Record<string, string | number | boolean | null>) => {
      if (typeof name === 'string' && name) client?.track(name.slice(0, 128), cleanTraits(props));
    }),
    optOut: guard(() => {
      localStore.set(OPT_OUT_KEY, '1');
      stop(true);
    }),
    optIn: guard(() => {
      localStore.remove(OPT_OUT_KEY);
      start();
    }),
    consent: guard((granted: boolean) => {
      if (granted) {
        localStore.set(CONSENT_KEY, '1');
        start();
      } else {
        localStore.remove(CONSENT_KEY);
        stop(true);
      }
    }),
    flush: () => safePromise(() => client?.flush()),
    // A custom event marks the moment; the recorder sees it like any event and keeps the replay.
    keepReplay: guard(() => client?.track('$snag_keep_replay')),
    getSessionId: guard(() => client?.sessionId()),
    shutdown: () =>
      safePromise(async () => {
        const current = client;
        if (!current) return;
        const flushed = current.flush();
        stop(false);
        await flushed;
      }),
  };
}

/** Runs `fn` now; whatever it throws or rejects with is reported, never passed on. */
function safePromise(fn: () => Promise<void> | undefined): Promise<void> {
  return new Promise<void>((resolve) => resolve(fn())).catch(reportInternal);
}
