import { createApi, type SnagApi } from '../init.js';
import { loadRecorderScript } from '../recorder/load-script.js';
import { recorderUrlFor } from '../recorder/recorder-url.js';
import type { SnagOptions } from '../types.js';
import { reportInternal } from '../util/guard.js';

declare global {
  interface Window {
    snag?: SnagApi;
  }
}

/**
 * Script-tag build: `<script async src="https://HOST/sdk.js" data-key="KEY">`.
 * Options come from data-* attributes; the endpoint defaults to the script's origin.
 */
(() => {
  try {
    if (window.snag) return;
    const script = document.currentScript as HTMLScriptElement | null;
    const src = script?.src ?? '';
    const api = createApi((options) => loadRecorderScript(options.recorderUrl ?? recorderUrlFor(src)));
    window.snag = api;
    const data = script?.dataset;
    if (data?.key) api.init(optionsFromDataset(data, src));
  } catch (error) {
    reportInternal(error);
  }
})();

function optionsFromDataset(data: DOMStringMap, src: string): SnagOptions & { debug?: boolean } {
  const flag = (value: string | undefined) => (value === undefined ? undefined : value !== 'false');
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const list = (value: string | undefined) =>
    value
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const options: SnagOptions & { debug?: boolean } = {
    key: data.key ?? '',
    endpoint: data.endpoint ?? (src ? new URL(src).origin : undefined),
    sampleRate: number(data.sampleRate),
    replay: flag(data.replay),
    replaySampleRate: number(data.replaySampleRate),
    recorderUrl: data.recorderUrl,
    release: data.release,
    maskAllInputs: flag(data.maskAllInputs),
    maskTextSelector: data.maskTextSelector,
    blockSelector: data.blockSelector,
    allowQueryParams: list(data.allowQueryParams),
    respectDoNotTrack: flag(data.respectDoNotTrack),
    requireConsent: flag(data.requireConsent),
    captureNetwork: flag(data.captureNetwork),
    captureErrors: flag(data.captureErrors),
    detect: detectOption(data.detect),
    debug: flag(data.debug),
  };
  return options;
}

/** `data-detect="false"` turns detection off; a JSON object overrides thresholds. */
function detectOption(value: string | undefined): SnagOptions['detect'] {
  try {
    return value === 'false' ? false : value ? JSON.parse(value) : undefined;
  } catch {
    return undefined;
  }
}
