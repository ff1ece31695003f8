/** Replaced at build time with the content-hashed file names of the lazy chunks. */
declare const __SNAG_RECORDER_FILE__: string;
declare const __SNAG_DETECTORS_FILE__: string;

/**
 * Where a lazy chunk lives: next to the recorder, which is next to the core file (under
 * `/sdk/` when the core was loaded as the server's unversioned `/sdk.js`), unless the
 * `recorderUrl` option moved it.
 */
export function chunkUrlFor(name: 'recorder' | 'detectors', scriptSrc: string, recorderUrl?: string): string {
  const base = scriptSrc ? scriptSrc.replace(/\/sdk\.js(\?.*)?$/, '/sdk/') : `${location.origin}/sdk/`;
  const recorder = recorderUrl ?? new URL(__SNAG_RECORDER_FILE__, base).href;
  return name === 'recorder' ? recorder : new URL(__SNAG_DETECTORS_FILE__, recorder).href;
}
