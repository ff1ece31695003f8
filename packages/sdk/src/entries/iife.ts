import { createApi, type SnagApi } from '../init.js';
import { optionsFromDataset } from '../options.js';
import { chunkUrlFor } from '../util/chunk-url.js';
import { reportInternal } from '../util/guard.js';
import { loadChunkScript } from '../util/load-chunk-script.js';

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
    const api = createApi((name, options) => loadChunkScript(chunkUrlFor(name, src, options.recorderUrl), name));
    window.snag = api;
    const data = script?.dataset;
    if (data?.key) api.init(optionsFromDataset(data, src));
  } catch (error) {
    reportInternal(error);
  }
})();
