import { RECORDER_GLOBAL } from '../constants.js';
import type { StartRecorder } from '../types.js';

/** Loads the recorder chunk with a script tag (script-tag build); resolves to its start function. */
export function loadRecorderScript(src: string): Promise<StartRecorder> {
  const registry = window as unknown as Record<string, StartRecorder | undefined>;
  return new Promise((resolve, reject) => {
    const settle = () => {
      const start = registry[RECORDER_GLOBAL];
      if (start) resolve(start);
      else reject(new Error(`snag recorder failed to load from ${src}`));
    };
    if (registry[RECORDER_GLOBAL]) return settle();
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.crossOrigin = 'anonymous';
    script.onload = script.onerror = settle;
    (document.head ?? document.documentElement).appendChild(script);
  });
}
