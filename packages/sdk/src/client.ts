import type { SignalEvent, SnagEvent } from '@snag/protocol';
import { captureClicks } from './capture/clicks.js';
import { captureErrors } from './capture/errors.js';
import { captureInputs } from './capture/inputs.js';
import { captureNetwork } from './capture/network.js';
import { capturePages } from './capture/pages.js';
import { captureScroll } from './capture/scroll.js';
import { QUEUE_MAX_BYTES, REPLAY_START_IDLE_TIMEOUT_MS } from './constants.js';
import { startDetectors } from './detect/start-detectors.js';
import { IGNORE_SELECTOR, privacySelectors } from './privacy/mask.js';
import { scrubUrl } from './privacy/url.js';
import { createSessions } from './session/session.js';
import { createOutbox } from './transport/outbox.js';
import { createTransport } from './transport/transport.js';
import type {
  CaptureContext,
  ConfigModule,
  EventDraft,
  LoadChunk,
  Properties,
  RecorderHandle,
  ResolvedOptions,
  StartRecorder,
} from './types.js';
import { guard, reportInternal } from './util/guard.js';
import { newId } from './util/id.js';
import { endLifetime, listen, onStop } from './util/lifetime.js';
import { type KeyValueStore, localStore } from './util/storage.js';

const MAX_RECENT_PAGES = 10;

interface PageView {
  id: string;
  start: number;
  url: string;
  replaySeq: number;
}

export interface Client {
  /** The current session's id; undefined when the session is sampled out. */
  sessionId(): string | undefined;
  track(name: string, props?: Properties): void;
  identify(userId: string, traits?: Properties): void;
  /** Includes the replay recorded so far: its open chunk is closed and sent too. */
  flush(): Promise<void>;
  /** Stops capturing; `discard` also forgets everything not yet sent (opt-out). */
  stop(discard: boolean): void;
}

/**
 * Starts one running instance of the SDK for one page: the session, the capture
 * modules, the recorder and the transport. Started only once tracking is
 * allowed (not opted out, consent given).
 */
export function startClient(options: ResolvedOptions, load: LoadChunk, store: KeyValueStore = localStore): Client {
  const sessions = createSessions(store, options);
  const ingestUrl = `${options.endpoint}/v1/ingest`;
  const keyQuery = `?key=${encodeURIComponent(options.key)}`;
  const transport = createTransport({
    ingestUrl: ingestUrl + keyQuery,
    release: options.release,
    // Keep the page's fetch as it is now: network capture wraps it later and must not see our own requests.
    fetchFn: window.fetch.bind(window),
    outbox: createOutbox(store, newId(), QUEUE_MAX_BYTES),
    onDropped: (batches, events) => track('$snag_dropped', { batches, events }),
  });
  /** Recent page views, so a replay chunk compressed after a navigation is still filed under its own. */
  const pages: PageView[] = [{ id: newId(), start: 0, url: '', replaySeq: 0 }];
  const currentPage = () => pages[pages.length - 1] as PageView;
  let recorder: RecorderHandle | undefined;
  /** The latest events from before the recorder started: a trigger to keep the replay (on-struggle) among them is not lost. */
  const early: SnagEvent[] = [];
  let running = true;
  let pageView: ((navigation: 'navigate') => void) | undefined;
  const scrub = (url: string) => scrubUrl(url, options.allowQueryParams);

  const emit = (draft: EventDraft, time = Date.now(), page = currentPage()): void => {
    if (!running) return;
    const before = sessions.current().id;
    const session = sessions.touch();
    // A session renewed mid-page is sampled afresh; one sampled out sends nothing.
    if (!session.sampled) return;
    if (session.id !== before) {
      renewSession();
      if (draft.type !== 'replay') page = currentPage();
    }
    let event = { ...draft, id: newId(), t: time, page_id: page.id, url: page.url || ctx.url() } as SnagEvent;
    if (!event.url) return;
    // Shown to the recorder, whose on-struggle mode keeps the replay on a trigger (recorder/replay-mode.ts).
    recorder ? recorder.see(event) : early.push(event) > 99 && early.shift();
    if (event.type !== 'replay' && options.beforeSend) {
      try {
        const edited = options.beforeSend(event);
        if (!edited) return;
        event = edited;
      } catch (error) {
        reportInternal(error);
      }
    }
    // An absent user id stays out of the JSON.
    transport.add(event, { id: sessions.current().id, anonymous_id: sessions.anonymousId, user_id: sessions.userId });
    // Questions at the struggle: the project's module (below) decides whether to ask and asks.
    if (event.type === 'signal')
      (extras as Promise<((signal: SignalEvent) => void) | undefined>).then((onSignal) => onSignal?.(event));
  };
  const track = (name: string, props?: Properties) => emit({ type: 'custom', name, ...(props ? { props } : {}) });

  const ctx: CaptureContext = {
    options,
    ingestUrl,
    selectors: privacySelectors(options),
    emit,
    url: () => scrub(location.href),
    newPage() {
      // The open replay chunk belongs to the page view that is ending.
      recorder?.flush().catch(reportInternal);
      pages.push({ id: newId(), start: Date.now(), url: ctx.url(), replaySeq: 0 });
      if (pages.length > MAX_RECENT_PAGES) pages.shift();
    },
    perPage(max) {
      let page: PageView | undefined;
      let count = 0;
      return () => {
        if (page !== currentPage()) {
          page = currentPage();
          count = 0;
        }
        return ++count <= max;
      };
    },
  };

  /**
   * The session expired while the page stayed open: the new session starts with
   * its own page view and, when recording, a fresh full snapshot.
   */
  const renewSession = () => {
    pageView?.('navigate');
    if (!recorder) return;
    recorder.stop();
    recorder = undefined;
    scheduleRecorder();
  };

  /**
   * The recorder chunk is fetched only once the page has loaded and is idle, and the project's
   * settings are known (or failed to load: then the code's apply); never when they say `off`.
   */
  const scheduleRecorder = () => {
    const begin = guard(() => {
      (extras as Promise<unknown>)
        .then<StartRecorder | false>(() => options.remote?.replay !== 'off' && load('recorder', options))
        .then((start) => {
          if (!running || !start) return;
          recorder = start({
            // The endpoint and key (and maskAllInputs) come with the options: the recorder sends asset bodies itself.
            ...options,
            session: sessions.current().id,
            early: early.splice(0),
            maskTextSelector: ctx.selectors.mask,
            blockSelector: ctx.selectors.block,
            ignoreSelector: IGNORE_SELECTOR,
            scrubUrl: scrub,
            onChunk: ({ t, ...chunk }) => {
              let page = currentPage();
              for (const view of pages) if (view.start <= t) page = view;
              emit({ type: 'replay', seq: page.replaySeq++, ...chunk }, t, page);
            },
            onNotice: track,
          });
        })
        .catch(reportInternal);
    });
    // Started when the page is idle after load, so it never competes with the host's own start-up.
    const whenIdle = () =>
      'requestIdleCallback' in window
        ? requestIdleCallback(begin, { timeout: REPLAY_START_IDLE_TIMEOUT_MS })
        : setTimeout(begin, 0);
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
  };

  /** What takes struggle signals once `/v1/config.js` is in (below); it puts the recording settings in `options.remote`. */
  let extras: Promise<((signal: SignalEvent) => void) | undefined> | undefined;

  transport.start();
  if (sessions.current().sampled) {
    // The project's settings and questions: one module imported once per page view at start (cached by
    // the browser for a minute, never in the page's way): `config` (recording settings, feedback tab) and
    // a default export that shows the feedback tab and returns what takes struggle signals (the question
    // chunk, in it only when a question is live or the tab is on) and puts the settings in `options.remote`.
    // Server unreachable or a bad answer: the code's settings apply and nothing is asked.
    extras = import(/* @vite-ignore */ /* webpackIgnore: true */ `${options.endpoint}/v1/config.js${keyQuery}`)
      .then((module: ConfigModule) => module.default(ctx, onStop))
      .catch((error) => reportInternal(error) as undefined);
    const endScroll = captureScroll(ctx);
    const detectors = options.detect
      ? startDetectors(ctx, options.detect, () => load('detectors', options))
      : undefined;
    // A page view ends on a route change or page hide: its scroll summary and pending struggle are reported.
    const endPage = () => {
      endScroll();
      detectors?.endPage();
    };
    pageView = capturePages(ctx, endPage);
    captureClicks(ctx);
    captureInputs(ctx);
    if (options.captureErrors || detectors) captureErrors(ctx, detectors?.error);
    if (options.captureNetwork) captureNetwork(ctx, detectors?.request);
    listen(
      window,
      'pagehide',
      () => {
        endPage();
        sessions.write();
        transport.exit(true);
      },
      false,
    );
    listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') transport.sendNow();
    });
    listen(window, 'pageshow', (event: PageTransitionEvent) => {
      if (event.persisted) transport.resume();
    });
    if (options.replay && sessions.current().replay) scheduleRecorder();
  }

  return {
    sessionId: () => (sessions.current().sampled ? sessions.current().id : undefined),
    track,
    identify(userId, traits) {
      sessions.userId = userId;
      emit({ type: 'identify', user_id: userId, ...(traits ? { traits } : {}) });
    },
    async flush() {
      await recorder?.flush().catch(reportInternal);
      await transport.flush();
    },
    stop(discard) {
      running = false;
      recorder?.stop();
      recorder = undefined;
      endLifetime();
      if (discard) transport.clear();
    },
  };
}
