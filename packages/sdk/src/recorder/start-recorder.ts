import { record } from '@rrweb/record';
import { EventType, type eventWithTime } from '@rrweb/types';
import {
  REPLAY_CHECKOUT_EVERY_MS,
  REPLAY_CHUNK_INTERVAL_MS,
  REPLAY_MAX_DOM_NODES,
  REPLAY_MEDIA_SAMPLE_MS,
  REPLAY_MOUSEMOVE_SAMPLE_MS,
  REPLAY_PAUSE_MS,
  REPLAY_SCROLL_SAMPLE_MS,
} from '../constants.js';
import type { RecorderConfig, StartRecorder } from '../types.js';
import { guard } from '../util/guard.js';
import { startAssetReporter } from './asset-reporter.js';
import { Chunker } from './chunker.js';
import { MutationBudget } from './mutation-budget.js';

/**
 * Records the page with rrweb, private by default: every input masked, masked and
 * blocked regions honoured, canvas off, high-frequency sources sampled. Recording
 * pauses when the page mutates past the budget or grows too large to snapshot,
 * and resumes later with a fresh full snapshot.
 */
export const startRecorder: StartRecorder = (config: RecorderConfig) => {
  const chunker = new Chunker(config.onChunk);
  const budget = new MutationBudget();
  let stopRecording: (() => void) | undefined;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const domTooLarge = () => document.getElementsByTagName('*').length > REPLAY_MAX_DOM_NODES;

  const pause = (reason: string) => {
    if (!stopRecording) return;
    record.addCustomEvent('snag-paused', { reason, resume_in_ms: REPLAY_PAUSE_MS });
    stopRecording();
    stopRecording = undefined;
    chunker.close();
    config.onNotice('$replay_paused', { reason, resume_in_ms: REPLAY_PAUSE_MS });
    resumeTimer = setTimeout(guard(resume), REPLAY_PAUSE_MS);
  };

  const resume = () => {
    if (stopped) return;
    // Still too large for a snapshot: stay paused and look again later.
    if (domTooLarge()) {
      resumeTimer = setTimeout(guard(resume), REPLAY_PAUSE_MS);
      return;
    }
    config.onNotice('$replay_resumed', {});
    begin();
  };

  const begin = () => {
    budget.reset();
    stopRecording = record({
      emit: guard((event: eventWithTime) => {
        if (event.type === EventType.Meta) event.data.href = config.scrubUrl(event.data.href);
        chunker.add(event);
        // Decided after the event is kept so that the chunk ends with what triggered the pause.
        if (stopRecording && budget.observe(event)) setTimeout(guard(pause), 0, 'mutation_budget');
      }),
      checkoutEveryNms: REPLAY_CHECKOUT_EVERY_MS,
      maskAllInputs: config.maskAllInputs,
      maskInputOptions: { password: true },
      maskTextSelector: config.maskTextSelector,
      blockSelector: config.blockSelector,
      ignoreSelector: config.ignoreSelector,
      recordCanvas: false,
      collectFonts: false,
      inlineImages: false,
      slimDOMOptions: 'all',
      sampling: {
        mousemove: REPLAY_MOUSEMOVE_SAMPLE_MS,
        scroll: REPLAY_SCROLL_SAMPLE_MS,
        media: REPLAY_MEDIA_SAMPLE_MS,
        input: 'last',
      },
      errorHandler: () => true,
    });
  };

  begin();
  // Listed into the recording while it runs (a report made while paused is dropped: the next snapshot has the DOM).
  const stopAssets = startAssetReporter((tag, payload) => {
    if (stopRecording) record.addCustomEvent(tag, payload);
  });
  // The DOM can outgrow one snapshot after recording started; the next checkout would then freeze the page.
  const interval = setInterval(
    guard(() => (stopRecording && domTooLarge() ? pause('dom_too_large') : chunker.close())),
    REPLAY_CHUNK_INTERVAL_MS,
  );
  return {
    stop() {
      stopped = true;
      stopAssets();
      clearInterval(interval);
      if (resumeTimer) clearTimeout(resumeTimer);
      stopRecording?.();
      stopRecording = undefined;
      chunker.close();
    },
    flush: () => chunker.close(),
  };
};
