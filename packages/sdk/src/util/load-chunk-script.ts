import { DETECTORS_GLOBAL, RECORDER_GLOBAL } from '../constants.js';
import type { Chunks } from '../types.js';

/** Where each lazy chunk registers itself (`entries/<chunk>.ts`). */
const CHUNK_GLOBALS: { [K in keyof Chunks]: string } = { recorder: RECORDER_GLOBAL, detectors: DETECTORS_GLOBAL };

/**
 * Loads a lazy chunk (script-tag build) and resolves to what it registered. A dynamic import
 * fetches each file once however often it is asked for; the chunk registers on a global.
 */
export function loadChunkScript<K extends keyof Chunks>(src: string, name: K): Promise<Chunks[K]> {
  return import(/* @vite-ignore */ src).then(() => {
    const start = (window as unknown as Record<string, Chunks[K] | undefined>)[CHUNK_GLOBALS[name]];
    if (!start) throw new Error(`snag: no ${name} in ${src}`);
    return start;
  });
}
