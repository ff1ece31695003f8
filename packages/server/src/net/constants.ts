/** Longest an outbound request may take, first byte to last, unless the caller asks for less. */
export const OUTBOUND_TIMEOUT_MS = 10_000;
/** Largest outbound response body read, in bytes, unless the caller asks for less. */
export const OUTBOUND_MAX_BYTES = 5 * 1024 * 1024;
/** Redirects followed at most (each hop's address is checked again). */
export const OUTBOUND_MAX_REDIRECTS = 5;
/** What outbound requests call themselves. */
export const OUTBOUND_USER_AGENT = 'Snag/0.1 (+https://github.com/snag; asset keeper)';
