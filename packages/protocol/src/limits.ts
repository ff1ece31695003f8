/** Version of the wire format. A batch carries it as `v`. */
export const PROTOCOL_VERSION = 1;

/** Largest request body accepted on the wire, as sent (possibly gzip-compressed). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Largest body after decompression; guards against gzip bombs. */
export const MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;
/** Largest body a browser may hand to `navigator.sendBeacon`. */
export const MAX_BEACON_BYTES = 64 * 1024;

export const MAX_EVENTS_PER_BATCH = 500;
/** Largest decompressed rrweb payload of one `replay` event. */
export const MAX_REPLAY_CHUNK_BYTES = 8 * 1024 * 1024;

export const MAX_ID_LENGTH = 64;
export const MAX_URL_LENGTH = 2048;
export const MAX_TITLE_LENGTH = 256;
export const MAX_SELECTOR_LENGTH = 256;
export const MAX_ELEMENT_TEXT_LENGTH = 60;
export const MAX_LABEL_LENGTH = 128;
export const MAX_NAME_LENGTH = 128;
export const MAX_MESSAGE_LENGTH = 1024;
export const MAX_STACK_LENGTH = 8192;
export const MAX_FEEDBACK_LENGTH = 2000;
export const MAX_PROPERTY_VALUE_LENGTH = 512;
export const MAX_PROPERTIES = 50;

/** Client timestamps outside this range are rejected as nonsense. */
export const MIN_TIMESTAMP_MS = Date.UTC(2020, 0, 1);
export const MAX_TIMESTAMP_MS = Date.UTC(2100, 0, 1);

/**
 * Deepest nesting of arrays and objects a body (or a decoded replay chunk) may have.
 * An rrweb snapshot takes two levels per DOM level, and browsers' HTML parsers stop
 * nesting at 512 elements, so real recordings stay far below this.
 */
export const MAX_JSON_DEPTH = 2_048;
/** How far ahead of the server's clock an event may be, after clock-skew correction. */
export const MAX_CLIENT_TIME_AHEAD_MS = 5 * 60_000;

/** Questions asked at the struggle (issue 15). */
export const MAX_QUESTION_TEXT_LENGTH = 200;
export const MAX_QUESTION_OPTIONS = 6;
export const MAX_QUESTION_OPTION_LENGTH = 80;
/** Longest free-text answer (the "other" text and the follow-up field included). */
export const MAX_ANSWER_TEXT_LENGTH = 1000;

/** Recording settings from the dashboard (issue 14): extra mask / block selectors per list, and each one's length. */
export const MAX_SELECTORS = 20;
export const MAX_SETTINGS_SELECTOR_LENGTH = 200;
/** Bounds of the `on-struggle` pre-roll, in ms. */
export const MIN_REPLAY_BUFFER_MS = 5_000;
export const MAX_REPLAY_BUFFER_MS = 600_000;
/** Longest label of the feedback tab. */
export const MAX_FEEDBACK_LABEL_LENGTH = 40;
