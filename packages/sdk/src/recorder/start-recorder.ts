import { record, snagHooks } from '@rrweb/record';
import type { eventWithTime, serializedNodeWithId } from '@rrweb/types';
import {
  REPLAY_CHECKOUT_EVERY_MS,
  REPLAY_CHUNK_INTERVAL_MS,
  REPLAY_MEDIA_SAMPLE_MS,
  REPLAY_MOUSEMOVE_SAMPLE_MS,
  REPLAY_PAUSE_MS,
  REPLAY_SCROLL_SAMPLE_MS,
  REPLAY_SLICE_MS,
  REPLAY_STORM_RESUME_MS,
} from '../constants.js';
import type { RecorderConfig, StartRecorder } from '../types.js';
import { guard } from '../util/guard.js';
import { applyRemote } from './apply-remote.js';
import { startAssetReporter } from './asset-reporter.js';
import { startAssetSender } from './asset-sender.js';
import { Chunker } from './chunker.js';
import { CUSTOM, FULL_SNAPSHOT, META } from './event-types.js';
import { MutationBudget } from './mutation-budget.js';
import { MutationFrames } from './mutation-frames.js';
import { startReplayKeeper } from './replay-keeper.js';
import type { RrwebSnapshotOptions } from './rrweb-seams.js';
import { readScrollAfterLayout } from './scroll-after-layout.js';
import { type SlicedSnapshot, takeSlicedSnapshot } from './sliced-snapshot.js';
import { yieldToPage } from './yield-to-page.js';

type Event = { type: number; timestamp: number; data?: unknown };

/** What rrweb's own snapshot call gets back: never emitted, the sliced snapshot replaces it. */
const PLACEHOLDER = { type: 0, childNodes: [], id: 0 } as unknown as serializedNodeWithId;

/**
 * Records the page with rrweb, private by default: every input masked, masked and blocked
 * regions honoured, canvas off, high-frequency sources sampled. The full snapshots (the first
 * and every checkout) are taken in slices (sliced-snapshot.ts), so no page is too large to
 * record; what rrweb records meanwhile is held back and emitted after the snapshot. Mutations are
 * handed to rrweb once per frame; a storm (too much work in a frame) or a page that keeps
 * mutating past the budget ends the recording for a while: a `snag-paused` custom event marks
 * the gap, and recording resumes with a fresh sliced snapshot.
 */
export const startRecorder: StartRecorder = (config: RecorderConfig) => {
  // The project's settings from the dashboard, merged under the code's (they only ever add privacy).
  config = applyRemote(config);
  // Replay off for this session (the project's mode or its lower sample rate): nothing is recorded.
  if (config.replay === false) return { see() {}, stop() {}, flush: async () => {} };
  const chunker = new Chunker((chunk) => keeper.onChunk(chunk));
  const budget = new MutationBudget();
  const frames = new MutationFrames(() => setTimeout(guard(pause), 0, 'mutation_storm'));
  let stopRecording: (() => void) | undefined;
  /** Counts recordings begun and ended: what is read after a frame goes only into the recording it was asked for. */
  let generation = 0;
  let walk: SlicedSnapshot | undefined;
  /** Events rrweb emitted while a sliced snapshot was under way. */
  let held: Event[] | undefined;
  let snapshotEmitted = false;
  /** Storms in a row (recording lasted less than REPLAY_PAUSE_MS in between): each waits twice as long. */
  let storms = 0;
  let begunAt = 0;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const deliver = (event: Event) => {
    chunker.add(event);
    // Decided after the event is kept so that the chunk ends with what triggered the pause.
    if (stopRecording && budget.observe(event)) setTimeout(guard(pause), 0, 'mutation_budget');
  };

  /** Into the recording, after the snapshot under way if there is one. */
  const keep = (event: Event) => {
    if (held) held.push(event);
    else deliver(event);
  };

  const snapshotInSlices = (doc: Document, options: RrwebSnapshotOptions) => {
    walk?.cancel();
    const href = config.scrubUrl(location.href);
    // The scroll position is read with the next frame's layout (read here, inside rrweb's set-up or a
    // checkout, it would lay out whatever the page changed since its last frame); innerWidth and
    // innerHeight never lay anything out.
    let offset: { left: number; top: number } | undefined;
    let whenOffset: (() => void) | undefined;
    readScrollAfterLayout(doc, (left, top) => {
      offset = { left, top };
      whenOffset?.();
    });
    const events: Event[] = [];
    held = events;
    walk = takeSlicedSnapshot(doc, options, {
      beforeSlice: (budgetMs) => frames.flush(budgetMs),
      // The snapshot is the page as the walk found it, true once the walk is complete: it is stamped
      // with the walk's end, like rrweb's own, and what rrweb recorded meanwhile (the changes to nodes
      // serialized before they changed) is replayed at that same moment, right after it.
      onDone: guard((node: serializedNodeWithId) => {
        const end = Date.now();
        walk = undefined;
        whenOffset = guard(() => {
          // A pause or another snapshot came first: this one is not the page any more.
          if (held !== events) return;
          snapshotEmitted = true;
          // innerWidth and innerHeight never lay out (clientWidth would).
          chunker.add({ type: META, timestamp: end, data: { href, width: innerWidth, height: innerHeight } });
          chunker.add({ type: FULL_SNAPSHOT, timestamp: end, data: { node, initialOffset: offset } });
          drainHeld(events, end);
        });
        if (offset) whenOffset();
      }),
    });
    return PLACEHOLDER;
  };

  /**
   * What rrweb recorded during a walk (on a busy page, thousands of events), into the recording in slices
   * of REPLAY_SLICE_MS; what it records meanwhile is queued behind, in order.
   */
  const drainHeld = (events: Event[], end: number) => {
    let next = 0;
    const drain = guard(() => {
      if (held !== events) return;
      const deadline = performance.now() + REPLAY_SLICE_MS;
      while (next < events.length && performance.now() < deadline) {
        const event = events[next++] as Event;
        deliver({ ...event, timestamp: Math.max(event.timestamp, end) });
      }
      if (next < events.length) yieldToPage(drain);
      else held = undefined;
    });
    drain();
  };

  const pause = (reason: 'mutation_budget' | 'mutation_storm') => {
    if (!stopRecording) return;
    if (Date.now() - begunAt > REPLAY_PAUSE_MS) storms = 0;
    const resumeInMs =
      reason === 'mutation_storm' ? Math.min(REPLAY_STORM_RESUME_MS * 2 ** storms++, REPLAY_PAUSE_MS) : REPLAY_PAUSE_MS;
    walk?.cancel();
    walk = undefined;
    held = undefined;
    // The gap marker the player shows; only after a snapshot, which it needs to play anything.
    if (snapshotEmitted) {
      chunker.add({
        type: CUSTOM,
        timestamp: Date.now(),
        data: { tag: 'snag-paused', payload: { reason, resume_in_ms: resumeInMs } },
      });
    }
    stopRecording();
    stopRecording = undefined;
    generation++;
    frames.reset();
    chunker.close();
    config.onNotice('$replay_paused', { reason, resume_in_ms: resumeInMs });
    resumeTimer = setTimeout(guard(resume), resumeInMs);
  };

  const resume = () => {
    if (stopped) return;
    config.onNotice('$replay_resumed', {});
    begin();
  };

  const begin = () => {
    budget.reset();
    begunAt = Date.now();
    snapshotEmitted = false;
    snagHooks.snapshot = snapshotInSlices;
    snagHooks.mutations = (process) => frames.wrap(process);
    const recording = ++generation;
    // Read after the frame (rrweb's scroll events, and the selection at start), emitted only into this recording.
    snagHooks.scrollOf = (target, _doc, emit) =>
      readScrollAfterLayout(target, (x, y) => recording === generation && emit(x, y));
    stopRecording = record({
      emit: guard((event: eventWithTime) => {
        // rrweb's own Meta and (placeholder) full snapshot: the sliced snapshot brings its own.
        if (event.type !== META && event.type !== FULL_SNAPSHOT) keep(event);
      }),
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

  /** A checkout: a fresh sliced snapshot, so that playback can start from any chunk that has one. */
  const checkout = () => {
    if (!stopRecording || walk) return;
    // Mutations pending from before the checkout belong to the previous snapshot.
    frames.flush();
    // Handing them over can end the recording (a storm).
    if (stopRecording as (() => void) | undefined) record.takeFullSnapshot(true);
  };

  // Always, or on-struggle: chunks held in a buffer until a trigger (replay-keeper.ts).
  const keeper = startReplayKeeper(config, {
    // Into the replay only where a snapshot comes before it (taken, or under way).
    mark: (event) => (snapshotEmitted || held) && keep(event),
    unsent: () => chunker.unsent(),
  });
  // rrweb's set-up (observers, patched prototypes) runs in a task of its own, not in the one that loaded the chunk.
  yieldToPage(
    guard(() => {
      if (!stopped) begin();
    }),
  );
  // Listed into the recording while it runs (a report made while paused is dropped: the next snapshot has the DOM).
  // The server may then ask for the bodies of same-origin ones it could not fetch.
  const sender = startAssetSender(config);
  const stopAssets = startAssetReporter((tag, payload) => {
    if (!stopRecording) return;
    keep({ type: CUSTOM, timestamp: Date.now(), data: { tag, payload } });
    sender.listed();
  });
  const chunkTimer = setInterval(
    guard(() => chunker.close()),
    REPLAY_CHUNK_INTERVAL_MS,
  );
  // A checkpoint every bufferMs while buffering (each one can end the pre-roll), else every REPLAY_CHECKOUT_EVERY_MS.
  const tickMs = Math.min(keeper.bufferMs, REPLAY_CHECKOUT_EVERY_MS);
  let sinceCheckout = 0;
  const checkoutTimer = setInterval(
    guard(() => {
      sinceCheckout += tickMs;
      if (!keeper.buffering() && sinceCheckout < REPLAY_CHECKOUT_EVERY_MS) return;
      sinceCheckout = 0;
      checkout();
    }),
    tickMs,
  );
  return {
    see: guard(keeper.see),
    stop() {
      stopped = true;
      keeper.stop();
      stopAssets();
      sender.stop();
      clearInterval(chunkTimer);
      clearInterval(checkoutTimer);
      if (resumeTimer) clearTimeout(resumeTimer);
      walk?.cancel();
      held = undefined;
      frames.reset();
      stopRecording?.();
      stopRecording = undefined;
      generation++;
      chunker.close();
    },
    flush: () => chunker.close(),
  };
};
