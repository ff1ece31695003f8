/** Name and version sent with every batch; the version is replaced at build time. */
export const SDK_NAME = 'snag-js';
export const SDK_VERSION = '0.1.0';

// Session
export const SESSION_INACTIVITY_MS = 30 * 60_000;
export const SESSION_MAX_DURATION_MS = 24 * 60 * 60_000;
/** Last-activity writes to storage are throttled to one per this interval. */
export const SESSION_TOUCH_WRITE_INTERVAL_MS = 5_000;

// Storage keys (prefix keeps them apart from the host page's own keys)
export const STORAGE_PREFIX = 'snag_';

// Transport
export const BATCH_INTERVAL_MS = 5_000;
export const BATCH_MAX_EVENTS = 50;
/** Largest uncompressed batch body; bigger batches are split. */
export const BATCH_MAX_BYTES = 512 * 1024;
export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 60_000;
/** Persistent outbox cap; the oldest batches are dropped past it. */
export const QUEUE_MAX_BYTES = 2 * 1024 * 1024;
/** fetch keepalive refuses bodies above 64 KiB, the same limit as sendBeacon. */
export const KEEPALIVE_MAX_BYTES = 64 * 1024;
export const REQUEST_TIMEOUT_MS = 30_000;

// Capture
export const MAX_ERRORS_PER_PAGE = 50;
export const MAX_NETWORK_EVENTS_PER_PAGE = 100;
export const SELECTOR_MAX_DEPTH = 4;
export const SELECTOR_MAX_CLASSES = 2;
/** Scroll legs shorter than this share of the viewport are not counted as reversals. */
export const SCROLL_REVERSAL_VIEWPORT_SHARE = 0.5;

// Recorder
export const REPLAY_CHECKOUT_EVERY_MS = 3 * 60_000;
export const REPLAY_CHUNK_INTERVAL_MS = 5_000;
export const REPLAY_CHUNK_MAX_BYTES = 256 * 1024;
export const REPLAY_MOUSEMOVE_SAMPLE_MS = 50;
export const REPLAY_SCROLL_SAMPLE_MS = 150;
export const REPLAY_MEDIA_SAMPLE_MS = 800;
/** Mutated nodes per second above which recording is paused to protect the page. */
export const REPLAY_MUTATION_BUDGET_PER_S = 5_000;
/** Consecutive over-budget seconds before pausing. */
export const REPLAY_MUTATION_BUDGET_STRIKES = 2;
/** How long recording stays paused before resuming with a new full snapshot. */
export const REPLAY_PAUSE_MS = 30_000;
/** Longest stretch of recorder work in one task (a snapshot slice, JSON or base64 writing) before yielding. */
export const REPLAY_SLICE_MS = 8;
/** Nodes rrweb may have to look at in one frame's mutations (added subtrees in full); more is a storm. */
export const REPLAY_FRAME_MAX_NODES = 3_000;
/** Handing one frame's mutations to rrweb taking longer than this, REPLAY_FRAME_SLOW_STRIKES frames in a row, is a storm too. */
export const REPLAY_FRAME_MAX_MS = 50;
export const REPLAY_FRAME_SLOW_STRIKES = 3;
/** After a storm, recording starts again with a fresh snapshot this much later, doubling for each storm in a row up to REPLAY_PAUSE_MS. */
export const REPLAY_STORM_RESUME_MS = 2_000;
/** Longest wait for the next frame before a scroll position is read directly (a hidden tab draws none). */
export const REPLAY_LAYOUT_READ_WAIT_MS = 1_000;
/** Longest wait for an idle moment before recording starts anyway. */
/** On-struggle: the pre-roll kept before a trigger unless `replayBufferMs` says otherwise, and the range it may take. */
export const REPLAY_BUFFER_DEFAULT_MS = 60_000;
export const REPLAY_BUFFER_MIN_MS = 5_000;
export const REPLAY_BUFFER_MAX_MS = 10 * 60_000;
/**
 * On-struggle: the buffer's memory cap (compressed chunks, counted as their base64 length). Past it the oldest
 * checkpoint is dropped even when that shortens the pre-roll, and the kept replay says so (`trimmed`). A trigger
 * hands the whole buffer to the send queue at once, so it stays below QUEUE_MAX_BYTES (which drops the oldest).
 */
export const REPLAY_BUFFER_MAX_BYTES = 1.5 * 1024 * 1024;
/** On-struggle: a signal can be emitted this long after the moment it is about; the buffer keeps that much more. */
export const REPLAY_TRIGGER_LATE_MS = 10_000;
/** On-struggle: at most this many characters of buffer are carried to the next page load (sessionStorage). */
export const REPLAY_CARRY_MAX_CHARS = 2_000_000;
export const REPLAY_START_IDLE_TIMEOUT_MS = 2_000;
/** Globals the lazy chunks register themselves on when loaded by script tag. */
export const RECORDER_GLOBAL = '__snagRecorder';
export const DETECTORS_GLOBAL = '__snagDetectors';

// Questions at the struggle (the core's hook; the rest is in the question chunk's own constants)
/** Global the question chunk registers its start function on (the server binds the live questions into it). */
export const QUESTIONS_GLOBAL = '__snagQuestions';
/** Global the question chunk registers its page start on: `/v1/config.js` binds the questions and feedback tab into it. */
export const START_GLOBAL = '__snagStart';
/** Storage key of until when this person is not asked again (ms since epoch); the question chunk's. */
export const ASKED_KEY = 'asked';

// Struggle detection: every threshold is overridable through the `detect` option (same names, camelCase).
/** Rage click: this many clicks on one target with gaps of at most RAGE_CLICK_GAP_MS and no reaction... */
export const RAGE_CLICK_MIN_CLICKS = 3;
export const RAGE_CLICK_GAP_MS = 800;
/** ...or this many with gaps of at most RAGE_CLICK_ANY_GAP_MS whatever happened, unless each click had its own reaction. */
export const RAGE_CLICK_ANY_MIN_CLICKS = 4;
export const RAGE_CLICK_ANY_GAP_MS = 1_000;
/** Clicks on nothing actionable belong to one burst when they land within this distance (page px). */
export const RAGE_CLICK_RADIUS_PX = 30;
/** A reaction is "near" a click when it changes a node inside this many ancestors of the target. */
export const REACTION_NEAR_LEVELS = 3;
/** Dead click: no reaction this long after pointerdown. */
export const DEAD_CLICK_MS = 2_500;
/** Slow click: a request started by the click and the first reaction came later than this. */
export const SLOW_CLICK_MS = 1_000;
/** A request started this soon after pointerdown was started by the click. */
export const CLICK_REQUEST_MS = 1_000;
/** Once the click's requests are done, the page gets this long to show their result. */
export const CLICK_RENDER_GRACE_MS = 1_000;
/** A click waiting on its requests is judged after this long at most. */
export const CLICK_MAX_WAIT_MS = 30_000;
/** Error click: an error this soon after pointerdown, with no later click, is the click's. */
export const ERROR_CLICK_MS = 2_000;
/** Nodes that changed on their own (no user input in the preceding DOM_CHURN_INPUT_MS) within this long before a click are churning: their changes are not reactions. */
export const DOM_CHURN_MEMORY_MS = 5_000;
export const DOM_CHURN_INPUT_MS = 1_000;
/**
 * The document scrolling this soon after a churning change (a skeleton replaced, content loading above the view) is
 * the browser's scroll anchoring keeping the view on its content, not a reaction.
 */
export const SCROLL_ANCHOR_MS = 250;
/** Thrashed cursor: this many direction reversals, with legs of at least THRASH_LEG_PX, within THRASH_WINDOW_MS. */
export const THRASH_MIN_REVERSALS = 6;
export const THRASH_LEG_PX = 40;
export const THRASH_WINDOW_MS = 1_500;

/** Replay assets: rrweb custom event tag the recorder lists a page's stylesheets, fonts and images with. */
export const ASSET_REPORT_TAG = 'snag-assets';
/** Asset URLs listed per page at most. */
export const ASSET_REPORT_MAX_PER_PAGE = 500;
/**
 * Asset bodies (projects that enable it): the server is asked which listed assets it could not
 * fetch this long after a list, once the chunk carrying it has been sent (a chunk closes every
 * REPLAY_CHUNK_INTERVAL_MS, a batch leaves every BATCH_INTERVAL_MS).
 */
export const ASSET_BODIES_ASK_AFTER_MS = 12_000;
/** Largest same-origin asset body sent, in bytes; the server refuses larger ones. */
export const ASSET_BODY_MAX_BYTES = 2 * 1024 * 1024;
/** Asset body bytes sent per page at most. */
export const ASSET_BODIES_MAX_PER_PAGE_BYTES = 8 * 1024 * 1024;
