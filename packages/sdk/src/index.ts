import { createApi } from './init.js';

const api = createApi(() => import('./recorder/start-recorder.js').then((module) => module.startRecorder));

export const { init, identify, track, optOut, optIn, consent, flush, keepReplay, getSessionId, shutdown } = api;
export type { SnagApi } from './init.js';
export type { SnagEvent, SnagOptions } from './types.js';
