import type { SessionInfo, SnagEvent } from '@snag/protocol';
import { captureClicks } from './capture/clicks.js';
import { captureErrors } from './capture/errors.js';
import { captureInputs } from './capture/inputs.js';
import { captureNetwork } from './capture/network.js';
import { capturePages } from './capture/pages.js';
import { captureScroll } from './capture/scroll.js';
import { QUEUE_MAX_BYTES, REPLAY_MAX_DOM_NODES, REPLAY_START_IDLE_TIMEOUT_MS } from './constants.js';
import { startDetectors } from './detect/start-detectors.js';
import { IGNORE_ATTRIBUTE_SELECTOR, privacySelectors } from './privacy/mask.js';
import { scrubUrl } from './privacy/url.js';
import { SessionManager } from './session/session.js';
import { Outbox } from './transport/outbox.js';
import { Transport } from './transport/transport.js';
import type {
  CaptureContext,
  EventDraft,
  RecorderHandle,
  ReplayChunk,
  ResolvedOptions,
  StartRecorder,
} from './types.js';
import { guard, reportInternal } from './util/guard.js';
import { newId } from './util/id.js';
import { listen, removeListeners } from './util/listen.js';
import { type KeyValueStore, localStore } from './util/storage.js';

const MAX_RECENT_PAGES = 10;

interface PageView {
  id: string;
  start: number;
  url: string;
  replaySeq: number;
}

export type LoadRecorder = (options: ResolvedOptions) => Promise<StartRecorder>;

/**
 * One running instance of the SDK for one page: the session, the capture
 * modules, the recorder and the transport. Created only once tracking is
 * allowed (not opted out, consent given, sampled in).
 */
export class SnagClient {
  readonly sessions: SessionManager;
  readonly #transport: Transport;
  readonly #stops: Array<() => void> = [];
  readonly #ctx: CaptureContext;
  /** Recent page views, so a replay chunk compressed after a navigation is still filed under its own. */
  readonly #pages: PageView[] = [{ id: newId(), start: 0, url: '', replaySeq: 0 }];
  #recorder: RecorderHandle | undefined;
  #running = true;
  readonly #onPageResets: Array<() => void> = [];
  #pageView: ((navigation: 'navigate') => void) | undefined;

  readonly #loadRecorder: LoadRecorder;

  constructor(
    readonly options: ResolvedOptions,
    loadRecorder: LoadRecorder,
    store: KeyValueStore = localStore,
  ) {
    this.#loadRecorder = loadRecorder;
    this.sessions = new SessionManager(store, options);
    const ingestUrl = `${options.endpoint}/v1/ingest`;
    // Keep the page's fetch as it is now: network capture wraps it later and must not see our own requests.
    const fetchFn = window.fetch.bind(window);
    this.#transport = new Transport({
      ingestUrl: `${ingestUrl}?key=${encodeURIComponent(options.key)}`,
      release: options.release,
      fetchFn,
      outbox: new Outbox(store, newId(), QUEUE_MAX_BYTES),
      onDropped: (batches, events) => this.track('$snag_dropped', { batches, events }),
    });
    this.#ctx = {
      options,
      ingestUrl,
      emit: (draft, time) => this.emit(draft, time),
      newPage: () => this.#newPage(),
      url: () => scrubUrl(location.href, options.allowQueryParams),
    };
  }

  get sampled(): boolean {
    return this.sessions.current().sampled;
  }

  start(): void {
    this.#transport.start();
    if (!this.sampled) return;
    const endScroll = captureScroll(this.#ctx);
    const detectors = this.options.detect ? startDetectors(this.#ctx, this.options.detect) : undefined;
    if (detectors) this.#stops.push(detectors.stop);
    // A page view ends on a route change or page hide: its scroll summary and pending struggle are reported.
    const endPage = () => {
      endScroll();
      detectors?.endPage();
    };
    const pages = capturePages(this.#ctx, endPage);
    this.#pageView = pages.view;
    this.#stops.push(pages.stop);
    captureClicks(this.#ctx);
    captureInputs(this.#ctx);
    if (this.options.captureErrors) this.#onPageResets.push(captureErrors(this.#ctx));
    if (this.options.captureNetwork) this.#addResettable(captureNetwork(this.#ctx, detectors?.request));
    this.#listenForExit(endPage);
    if (this.options.replay && this.sessions.current().replay) this.#scheduleRecorder();
  }

  emit(draft: EventDraft, time = Date.now(), page = this.#currentPage()): void {
    if (!this.#running) return;
    const before = this.sessions.current().id;
    const session = this.sessions.touch();
    // A session renewed mid-page is sampled afresh; one sampled out sends nothing.
    if (!session.sampled) return;
    if (session.id !== before) {
      this.#renewSession();
      if (draft.type !== 'replay') page = this.#currentPage();
    }
    const url = page.url || this.#ctx.url();
    let event = { ...draft, id: newId(), t: time, page_id: page.id, url } as SnagEvent;
    if (!event.url) return;
    if (event.type !== 'replay' && this.options.beforeSend) {
      try {
        const edited = this.options.beforeSend(event);
        if (!edited) return;
        event = edited;
      } catch (error) {
        reportInternal(error);
      }
    }
    this.#transport.add(event, this.#sessionInfo());
  }

  track(name: string, props?: Record<string, string | number | boolean | null>): void {
    this.emit({ type: 'custom', name, ...(props ? { props } : {}) });
  }

  identify(userId: string, traits?: Record<string, string | number | boolean | null>): void {
    this.sessions.userId = userId;
    this.emit({ type: 'identify', user_id: userId, ...(traits ? { traits } : {}) });
  }

  /** Includes the replay recorded so far: its open chunk is closed and sent too. */
  async flush(): Promise<void> {
    await this.#recorder?.flush().catch(reportInternal);
    await this.#transport.flush();
  }

  /** Stops capturing; `discard` also forgets everything not yet sent (opt-out). */
  stop(discard: boolean): void {
    this.#running = false;
    this.#recorder?.stop();
    this.#recorder = undefined;
    removeListeners();
    for (const stop of this.#stops.splice(0)) guard(stop)();
    if (discard) this.#transport.clear();
  }

  #currentPage(): PageView {
    return this.#pages[this.#pages.length - 1] as PageView;
  }

  #sessionInfo(): SessionInfo {
    const userId = this.sessions.userId;
    return {
      id: this.sessions.current().id,
      anonymous_id: this.sessions.anonymousId,
      ...(userId ? { user_id: userId } : {}),
    };
  }

  /**
   * The session expired while the page stayed open: the new session starts with
   * its own page view and, when recording, a fresh full snapshot.
   */
  #renewSession(): void {
    this.#pageView?.('navigate');
    if (!this.#recorder) return;
    this.#recorder.stop();
    this.#recorder = undefined;
    this.#scheduleRecorder();
  }

  #newPage(): void {
    // The open replay chunk belongs to the page view that is ending.
    this.#recorder?.flush().catch(reportInternal);
    this.#pages.push({ id: newId(), start: Date.now(), url: this.#ctx.url(), replaySeq: 0 });
    if (this.#pages.length > MAX_RECENT_PAGES) this.#pages.shift();
    for (const reset of this.#onPageResets) reset();
  }

  #addResettable(capture: { stop(): void; resetPage(): void }): void {
    this.#stops.push(capture.stop);
    this.#onPageResets.push(capture.resetPage);
  }

  #listenForExit(endPage: () => void): void {
    listen(
      window,
      ['pagehide'],
      () => {
        endPage();
        this.sessions.write();
        this.#transport.exit(true);
      },
      false,
    );
    listen(document, ['visibilitychange'], () => {
      if (document.visibilityState === 'hidden') this.#transport.sendNow();
    });
    listen(window, ['pageshow'], (event: PageTransitionEvent) => {
      if (event.persisted) this.#transport.resume();
    });
  }

  /** The recorder chunk is fetched only once the page has loaded and is idle. */
  #scheduleRecorder(): void {
    const begin = guard(() => {
      const nodes = document.getElementsByTagName('*').length;
      if (nodes > REPLAY_MAX_DOM_NODES) {
        // rrweb serialises the whole DOM in one task: on a page this large that alone is a long freeze.
        this.track('$replay_skipped', { reason: 'dom_too_large', nodes });
        return;
      }
      this.#loadRecorder(this.options)
        .then((start) => {
          if (!this.#running) return;
          const selectors = privacySelectors(this.options);
          this.#recorder = start({
            maskAllInputs: this.options.maskAllInputs,
            maskTextSelector: selectors.mask,
            blockSelector: selectors.block,
            ignoreSelector: IGNORE_ATTRIBUTE_SELECTOR,
            scrubUrl: (url) => scrubUrl(url, this.options.allowQueryParams),
            onChunk: (chunk) => this.#emitChunk(chunk),
            onNotice: (name, props) => this.track(name, props),
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
  }

  #emitChunk(chunk: ReplayChunk): void {
    const { t, ...rest } = chunk;
    let page = this.#currentPage();
    for (const view of this.#pages) if (view.start <= t) page = view;
    this.emit({ type: 'replay', seq: page.replaySeq++, ...rest }, t, page);
  }
}
