/** An error or failed request this soon after a signal counts as following it. */
export const EVIDENCE_FOLLOW_WINDOW_MS = 5_000;
/** A following error or request is named when it followed at least this share of the occurrences… */
export const EVIDENCE_MIN_SHARE = 0.3;
/** …and at least this many of them. */
export const EVIDENCE_MIN_COUNT = 2;
/** A release says "none in X" only when X's visitors of the page were at least this many. */
export const RELEASE_MIN_PAGE_SESSIONS = 5;
/** A release made a hotspot worse when its affected share is at least this many times the previous release's. */
export const RELEASE_WORSE_FACTOR = 2;
/** Sentences per hotspot at most: the lead figure, what people did next, the strongest evidence. */
export const MAX_SENTENCES = 3;
/** Hotspots explained per request at most (the rest get no sentences): the evidence query reads their sessions. */
export const MAX_EXPLAINED_HOTSPOTS = 50;
/**
 * The details, errors and requests behind a hotspot are read from its latest this many sessions
 * (a sample on busy hotspots: shares are the sample's, counts in sentences the hotspot's own).
 */
export const EVIDENCE_MAX_SESSIONS = 100;
