/** The question chunk's tunables (the core's hook has its own in src/constants.ts). */

/** A person is asked at most once in this long (14 days), across all questions: so also at most once per session. */
export const QUESTION_GAP_MS = 14 * 86_400_000;
/** No question in the first this-many ms of a page view: people have barely started. */
export const MIN_PAGE_AGE_MS = 3_000;
/** While a form field has focus the question waits, checking this often… */
export const CALM_CHECK_MS = 500;
/** …for at most this long; then it is not asked on this page (and nothing counts as asked). */
export const CALM_WAIT_MAX_MS = 30_000;
/** How long the thank-you line stays before the widget goes. */
export const THANKS_MS = 2_500;
/** Gap between the widget and the viewport's edge, and around the struggled element it must not cover, in px. */
export const WIDGET_MARGIN_PX = 16;
