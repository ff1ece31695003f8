/** The sign-in cookie (httpOnly, SameSite=Lax); its value is the session id. */
export const SESSION_COOKIE = 'snag_session';
/** Sessions end this long after sign-in, whatever happens. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1_000;
/** Header a cookie-authenticated request must carry to change anything. */
export const CSRF_HEADER = 'x-csrf-token';

/** Failed sign-ins allowed per account, and per client IP, within the window. */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_IP = 20;
export const LOGIN_THROTTLE_WINDOW_MS = 15 * 60 * 1_000;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** How long an invite link can be accepted. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1_000;

export const API_TOKEN_PREFIX = 'snag_pat_';
export const INVITE_TOKEN_PREFIX = 'snag_inv_';
export const SESSION_ID_PREFIX = 'snag_ses_';
