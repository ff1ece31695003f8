/** Replaced at build time with the content-hashed file name of the recorder chunk. */
declare const __SNAG_RECORDER_FILE__: string;

/**
 * Where the recorder chunk lives: next to the core file, and under `/sdk/` when
 * the core was loaded as the server's unversioned `/sdk.js`.
 */
export function recorderUrlFor(scriptSrc: string): string {
  const base = scriptSrc ? scriptSrc.replace(/\/sdk\.js(\?.*)?$/, '/sdk/') : `${location.origin}/sdk/`;
  return new URL(__SNAG_RECORDER_FILE__, base).href;
}
