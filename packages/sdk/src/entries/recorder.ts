import { RECORDER_GLOBAL } from '../constants.js';
import { startRecorder } from '../recorder/start-recorder.js';

// The script-tag build loads this file on demand; it hands the recorder to the core through a global.
(window as unknown as Record<string, unknown>)[RECORDER_GLOBAL] = startRecorder;
