import { createApi } from './init.js';

// Each chunk is its own file through the bundler's code splitting. The cast: TypeScript cannot narrow a generic by `name`.
const api = createApi(
  (name) =>
    (name === 'recorder'
      ? import('./recorder/start-recorder.js').then((module) => module.startRecorder)
      : import('./detect/lazy-detectors.js').then((module) => module.startLazyDetectors)) as Promise<never>,
);

export const { init, identify, track, optOut, optIn, consent, flush, keepReplay, getSessionId, shutdown } = api;
export type { SnagApi } from './init.js';
export type { SnagEvent, SnagOptions } from './types.js';
