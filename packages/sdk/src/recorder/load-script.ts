import { RECORDER_GLOBAL } from '../constants.js';
import type { StartRecorder } from '../types.js';

/**
 * Loads the recorder chunk (script-tag build) and resolves to its start function. A dynamic
 * import fetches it once however often recording restarts; the chunk registers on a global.
 */
export function loadRecorderScript(src: string): Promise<StartRecorder> {
  return import(/* @vite-ignore */ src).then(() => {
    const start = (window as unknown as Record<string, StartRecorder | undefined>)[RECORDER_GLOBAL];
    if (!start) throw new Error(`snag: no recorder in ${src}`);
    return start;
  });
}
