/**
 * Every enumeration of the wire format and the read API, as plain constant arrays: no zod,
 * so a browser bundle (the dashboard, the SDK) can import them from `@snag/protocol/enums`
 * at no cost. The zod schemas build their enums from these lists.
 */

/** Kinds of struggle: detected by the SDK (element level) or computed by the server (journey level). */
export const SIGNAL_KINDS = [
  'rage_click',
  'dead_click',
  'slow_click',
  'error_click',
  'thrashed_cursor',
  'form_struggle',
  'quick_back',
  'dead_end',
  'excessive_scroll',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** How each kind reads to people, in the dashboard, exports and alerts. */
export const SIGNAL_KIND_LABELS: Readonly<Record<SignalKind, string>> = {
  rage_click: 'Rage click',
  dead_click: 'Dead click',
  slow_click: 'Slow click',
  error_click: 'Error click',
  thrashed_cursor: 'Thrashed cursor',
  form_struggle: 'Form struggle',
  quick_back: 'Quick back',
  dead_end: 'Dead end',
  excessive_scroll: 'Excessive scroll',
};

/** Device classes the server derives from a session's user agent. */
export const DEVICE_CLASSES = ['desktop', 'tablet', 'mobile', 'other'] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/** Device classes a heatmap can be narrowed to (no layout to draw for `other`). */
export const HEATMAP_DEVICE_CLASSES = ['desktop', 'tablet', 'mobile'] as const;
export type HeatmapDeviceClass = (typeof HEATMAP_DEVICE_CLASSES)[number];

/** Project roles, weakest first: a role can do everything the ones before it can. */
export const ROLES = ['viewer', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** What a project API token may do: read, or read and change data (never manage access). */
export const API_TOKEN_SCOPES = ['read', 'admin'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Orders of session search (`sort`). */
export const SESSION_SORTS = ['struggle', 'recent', 'duration'] as const;
export type SessionSort = (typeof SESSION_SORTS)[number];

/** Bucket sizes of trends (`interval`). */
export const TREND_INTERVALS = ['hour', 'day'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** Where alerts go: a signed webhook, or email over SMTP. */
export const ALERT_CHANNEL_TYPES = ['webhook', 'email'] as const;
export type AlertChannelType = (typeof ALERT_CHANNEL_TYPES)[number];

/** A webhook's body: Snag's JSON (with a Slack-compatible `text`), or Slack's own `{ text }`. */
export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** What was sent: an alert, the digest, or a channel's test. */
export const ALERT_KINDS = ['alert', 'digest', 'test'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A delivery waits (and is retried with backoff) while `pending`; `sent` and `failed` are final. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The words people use for an element's ARIA role, in hotspot titles ("Postal code (text field)"),
 * exports and alerts. A role not listed reads as itself.
 */
export const ROLE_WORDS: Readonly<Record<string, string>> = {
  button: 'button',
  link: 'link',
  textbox: 'text field',
  searchbox: 'search field',
  combobox: 'dropdown',
  listbox: 'list',
  option: 'option',
  checkbox: 'checkbox',
  radio: 'radio button',
  switch: 'switch',
  slider: 'slider',
  spinbutton: 'number field',
  tab: 'tab',
  menuitem: 'menu item',
  img: 'image',
};

/** How a question is answered: one of up to six options, a 1–5 rating, or free text. */
export const QUESTION_TYPES = ['choice', 'rating', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_STATUSES = ['active', 'paused'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** What became of a question put to someone: each is an `answer` event. */
export const ANSWER_OUTCOMES = ['shown', 'answered', 'dismissed'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

/** The `choice` of an answer that picked a question's "other" option (its text is in `text`). */
export const OTHER_CHOICE = '@other';

/** How a project's sessions are recorded (`always`, only `on-struggle` with a pre-roll, or `off`), least private last. */
export const REPLAY_MODES = ['off', 'on-struggle', 'always'] as const;
export type ReplayMode = (typeof REPLAY_MODES)[number];

/**
 * What keeps an `on-struggle` replay: a struggle the SDK detects (the journey kinds `quick_back`
 * and `dead_end` are found by the server after the session, too late), a JS error, or an answered question.
 */
export const REPLAY_TRIGGERS = [
  'rage_click',
  'dead_click',
  'slow_click',
  'error_click',
  'thrashed_cursor',
  'form_struggle',
  'excessive_scroll',
  'error',
  'answer',
] as const;
export type ReplayTrigger = (typeof REPLAY_TRIGGERS)[number];
