import type { Properties, PublicConfig, RemoteRecording, SignalEvent, SnagEvent } from '@snag/protocol';
import type { React } from './detect/reactions.js';
import type { EmitSignal } from './detect/signal.js';
import type { DetectThresholds } from './detect/thresholds.js';
import type { WidgetStrings } from './questions/widget-strings.js';
import type { listen as Listen, patch as Patch } from './util/lifetime.js';

/** Selectors of the privacy rules in force (`privacy/mask.ts` builds them from the options). */
export interface PrivacySelectors {
  /** Text masked in captured element descriptions and replays. */
  mask: string;
  /** Elements replaced by a placeholder in replays. */
  block: string;
  /** Text kept out of element descriptions: masked or blocked. */
  text: string;
}

export type { Properties, SnagEvent };

/** An event as a capture module makes it: the SDK adds id, time, page id and URL. */
export type EventDraft = SnagEvent extends infer E
  ? E extends SnagEvent
    ? Omit<E, 'id' | 't' | 'page_id' | 'url'>
    : never
  : never;

export interface SnagOptions {
  /** Public project key. */
  key: string;
  /** Origin of the Snag server; the script tag defaults it to the script's own origin. */
  endpoint?: string;
  /** Share of sessions tracked at all, 0–1. Default 1. */
  sampleRate?: number;
  /**
   * Record the session with rrweb: `'always'` (or `true`, the default), `false`, or `'on-struggle'`:
   * recorded into a buffer in memory and sent only when a trigger keeps it (see the README).
   */
  replay?: ReplayMode;
  /** Share of tracked sessions that are recorded, 0–1. Default 1. */
  replaySampleRate?: number;
  /** On-struggle: how much replay, at least, is kept from before the trigger, in ms. Default 60 000. */
  replayBufferMs?: number;
  /** On-struggle: the signal kinds (and `'error'`, `'answer'`) that keep the replay. Default all. */
  replayTriggers?: string[];
  /** Where the recorder chunk is loaded from (script tag build only). */
  recorderUrl?: string;
  /** The host product's release or version. */
  release?: string;
  /** Mask every input value (passwords are always masked). Default true. */
  maskAllInputs?: boolean;
  /** Extra CSS selector whose text is masked, on top of `[data-snag-mask]`. */
  maskTextSelector?: string;
  /** Extra CSS selector whose elements are replaced by a placeholder, on top of `[data-snag-block]`. */
  blockSelector?: string;
  /** Query parameters kept in captured URLs; all others are dropped. Default none. */
  allowQueryParams?: string[];
  /** Send nothing when the browser says Do Not Track or Global Privacy Control. Default false. */
  respectDoNotTrack?: boolean;
  /** Store and send nothing until `consent(true)`. Default false. */
  requireConsent?: boolean;
  /** Capture failed fetch / XHR requests. Default true. */
  captureNetwork?: boolean;
  /** Capture JS errors and unhandled rejections. Default true. */
  captureErrors?: boolean;
  /** Struggle detection: `false` turns it off; an object overrides thresholds by name (see the README). */
  detect?: Partial<DetectThresholds> | false;
  /**
   * Questions asked at the struggle (configured in the dashboard): `false` turns them off;
   * `strings` overrides the widget's words (for other languages).
   */
  questions?: false | { strings?: Partial<WidgetStrings> };
  /** Edit an event, or return null to drop it. Not called for replay chunks. */
  beforeSend?: (event: SnagEvent) => SnagEvent | null;
}

/** `true` is `'always'`. */
export type ReplayMode = boolean | 'always' | 'on-struggle';

/** Options the core passes on to the recorder chunk, which reads and checks them (`recorder/replay-mode.ts`). */
type RecorderOnly = 'replayBufferMs' | 'replayTriggers';

export type ResolvedOptions = Required<
  Omit<SnagOptions, 'beforeSend' | 'release' | 'recorderUrl' | 'detect' | 'questions' | RecorderOnly>
> &
  Pick<SnagOptions, 'beforeSend' | 'release' | 'recorderUrl' | 'questions' | RecorderOnly> & {
    detect: DetectThresholds | false;
    /** The project's recording settings, once `/v1/config.js` has answered (the recorder merges them in). */
    remote?: RemoteRecording;
  };

/** What capture modules get: a way to emit events and to read the current state. */
export interface CaptureContext {
  options: ResolvedOptions;
  /** `time` defaults to now (ms since epoch). */
  emit(draft: EventDraft, time?: number): void;
  /** Called by the page tracker when a new page view starts. */
  newPage(): void;
  /** Current URL with the query string scrubbed. */
  url(): string;
  /** The ingest URL, so network capture can skip the SDK's own requests. */
  ingestUrl: string;
  selectors: PrivacySelectors;
  /** A counter that starts again with every page view: true while it has counted at most `max`. */
  perPage(max: number): () => boolean;
}

/**
 * Decides whether to put one of the live questions to the person after `signal`, and asks
 * it. Lives in the question chunk, which the server serves with the questions bound in.
 */
export type StartQuestions = (signal: SignalEvent, ctx: CaptureContext) => void;

/**
 * What the core imports once per page view from `/v1/config.js`: the project's settings, and a
 * start function that puts the recording settings in `ctx.options.remote`, shows the feedback tab
 * and returns what takes the page's struggle signals (the question chunk's; nothing when no
 * question is live and the tab is off).
 */
export interface ConfigModule {
  config: PublicConfig;
  default(ctx: CaptureContext, onStop: (fn: () => void) => void): ((signal: SignalEvent) => void) | undefined;
}

/** Starts recording. Lives in the lazily loaded recorder chunk. */
export type StartRecorder = (config: RecorderConfig) => RecorderHandle;

/** Starts the detectors kept out of the core; returns what to call when a page view ends. */
export type StartLazyDetectors = (
  thresholds: DetectThresholds,
  signal: EmitSignal,
  listen: typeof Listen,
  patch: typeof Patch,
  react: React,
) => () => void;

/** The lazy chunks, by name. */
export interface Chunks {
  recorder: StartRecorder;
  detectors: StartLazyDetectors;
}

/** Loads a lazy chunk: from its content-hashed file (script tag) or through the bundler (npm). */
export type LoadChunk = <K extends keyof Chunks>(name: K, options: ResolvedOptions) => Promise<Chunks[K]>;

export interface RecorderHandle {
  /** Every event the core emits: on-struggle, a trigger among them keeps the replay. */
  see(event: SnagEvent): void;
  stop(): void;
  /** Closes the current chunk; resolves once it has been handed to `onChunk`. */
  flush(): Promise<void>;
}

export interface RecorderConfig {
  /** The project's recording settings from `/v1/config.js`, merged in by `applyRemote` (apply-remote.ts). */
  remote?: RemoteRecording;
  maskAllInputs: boolean;
  /** Where Snag is and the project key: asset bodies the server asks for are sent there. */
  endpoint: string;
  key: string;
  /** The session the recording belongs to (a renewed session gets a new recorder). */
  session: string;
  /** Replay mode as the code asked: `'on-struggle'` buffers; anything else truthy records and sends (`always`). */
  replay?: ReplayMode;
  /** Share of tracked sessions recorded, as the code asked (the core already sampled with it). */
  replaySampleRate?: number;
  /** On-struggle pre-roll in ms; a string from the script tag is read as a number. */
  replayBufferMs?: number | string | undefined;
  /** On-struggle trigger kinds; a comma-separated string from the script tag is split. */
  replayTriggers?: string[] | string | undefined;
  /** Events emitted before the recorder started (the latest 100): a trigger among them is kept. */
  early?: SnagEvent[];
  maskTextSelector: string;
  blockSelector: string;
  ignoreSelector: string;
  /** Applies the URL privacy rules to the page URL rrweb records. */
  scrubUrl(url: string): string;
  /** Receives each finished chunk. */
  onChunk(chunk: ReplayChunk): void;
  /** Receives a notice when recording pauses or resumes to protect the page. */
  onNotice(name: string, props: Properties): void;
}

export interface ReplayChunk {
  full_snapshot: boolean;
  encoding: 'json' | 'gzip-base64';
  events?: Array<{ type: number; timestamp: number; [key: string]: unknown }>;
  data?: string;
  t: number;
}
