/** The sign-in cookie (httpOnly, SameSite=Lax); its value is the session id. */
export const SESSION_COOKIE = 'snag_session';
/** Sessions end this long after sign-in, whatever happens. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1_000;
/** Header a cookie-authenticated request must carry to change anything. */
export const CSRF_HEADER = 'x-csrf-token';

/** Failed sign-ins to one account from one client address before each try has to wait. */
export const LOGIN_FREE_FAILURES = 3;
/** The wait after the first failure past the free ones; it doubles with each further failure… */
export const LOGIN_BACKOFF_BASE_MS = 1_000;
/** …up to this. */
export const LOGIN_BACKOFF_MAX_MS = 15 * 60 * 1_000;
/** An (account, address) pair's failures are forgotten this long after its last one. */
export const LOGIN_FAILURE_MEMORY_MS = 24 * 60 * 60 * 1_000;
/** Failed sign-ins from one client address, across all accounts, per window. */
export const LOGIN_FAILURES_PER_ADDRESS = 30;
export const LOGIN_ADDRESS_WINDOW_MS = 60 * 60 * 1_000;
/** (account, address) pairs and addresses remembered at most; the least recently failed go first. */
export const LOGIN_THROTTLE_MAX_KEYS = 100_000;
/** IPv6 clients are counted by their /64 network: one host usually holds a whole /64. */
export const IPV6_PREFIX_HEXTETS = 4;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** How long an invite link can be accepted. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1_000;

export const API_TOKEN_PREFIX = 'snag_pat_';
export const INVITE_TOKEN_PREFIX = 'snag_inv_';
export const SESSION_ID_PREFIX = 'snag_ses_';
