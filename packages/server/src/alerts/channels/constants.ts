/** Longest webhook URL, in characters. */
export const WEBHOOK_URL_MAX_CHARS = 2_048;
/** Addresses one email channel sends to, at most. */
export const EMAIL_MAX_ADDRESSES = 20;
/** Longest channel name, in characters. */
export const CHANNEL_NAME_MAX_CHARS = 100;
/** Channels one project may have, at most. */
export const MAX_CHANNELS_PER_PROJECT = 50;
