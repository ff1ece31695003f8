import { RECORDER_GLOBAL } from '../constants.js';
import type { StartRecorder } from '../types.js';

/** Loads the recorder chunk with a script tag (script-tag build); resolves to its start function. */
export function loadRecorderScript(src: string): Promise<StartRecorder> {
  return new Promise((resolve, reject) => {
    const registry = window as unknown as Record<string, StartRecorder | undefined>;
    const existing = registry[RECORDER_GLOBAL];
    if (existing) {
      resolve(existing);
      return;
    }
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.crossOrigin = 'anonymous';
    script.onload = () => {
      const start = registry[RECORDER_GLOBAL];
      if (start) resolve(start);
      else reject(new Error('snag recorder did not register'));
    };
    script.onerror = () => reject(new Error(`snag recorder failed to load from ${src}`));
    (document.head ?? document.documentElement).appendChild(script);
  });
}
