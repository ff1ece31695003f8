const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const ENCODED_EMAIL = /[A-Za-z0-9._%+-]+%40[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gi;
// Card numbers as people write them: one run of 13–19 digits, groups of four (16 or 19 digits),
// or 4-6-5 / 4-6-4 (American Express, Diners). Not any digit run with dashes: a UUID whose last
// two groups are all digits ("9577-857756522352") is Luhn-valid one time in ten.
const CARD_CANDIDATE =
  /(?<![\w-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?|\d{4}([ -])\d{6}\2\d{4,5})(?![\w-])/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** A whole value scrubbing put in place of a secret (a path segment that was a card-like id or an email). */
export const SCRUBBED_VALUE = /^\[(card|email|jwt|redacted)\]$/;
const SECRET_PARAM =
  /([?&;#](?:access_token|refresh_token|id_token|token|api_key|apikey|key|secret|client_secret|password|passwd|pwd|auth|authorization|session|sessionid|sid|sig|signature|code|otp)=)[^&;#\s"']*/gi;

/**
 * Server-side scrubbing, on by default: emails, payment card numbers (Luhn-valid,
 * written as cards are), JWTs, bearer credentials and the values of secret-looking URL
 * parameters are replaced before anything is stored. The SDK already masks
 * inputs; this catches what leaks into URLs, error messages and free text.
 */
export function scrubText(text: string, options: { cards: boolean } = { cards: true }): string {
  if (text.length < 6) return text;
  let out = text;
  if (out.includes('@')) out = out.replace(EMAIL, '[email]');
  if (out.includes('%40')) out = out.replace(ENCODED_EMAIL, '[email]');
  if (out.includes('=')) out = out.replace(SECRET_PARAM, '$1[redacted]');
  if (out.includes('eyJ')) out = out.replace(JWT, '[jwt]');
  if (/Bearer|Basic/i.test(out)) out = out.replace(BEARER, '$1 [redacted]');
  if (options.cards && /\d{4}/.test(out)) out = out.replace(CARD_CANDIDATE, scrubCard);
  return out;
}

/**
 * Scrubs serialised rrweb JSON. Card numbers are left to the SDK's masking here:
 * a digit run in JSON may be a number (a timestamp), and rewriting it would
 * break the recording.
 */
export function scrubRecordingJson(json: string): string {
  return scrubText(json, { cards: false });
}

/** Scrubs every string in a JSON-like value (objects and arrays are copied, not changed in place). */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = scrubDeep(item);
    return out as T;
  }
  return value;
}

/** A card, or a 16-digit grouped card followed by its 3-digit security code (`4111 1111 1111 1111 123`). */
function scrubCard(match: string): string {
  if (isLuhnValid(match)) return '[card]';
  return match.length === 23 && isLuhnValid(match.slice(0, 19)) ? `[card]${match.slice(19)}` : match;
}

function isLuhnValid(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
