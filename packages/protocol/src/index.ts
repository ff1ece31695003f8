export type { CreatedShareLink, ShareLink, ShareLinksResponse } from './api/share-links.js';
export {
  createdShareLinkSchema,
  shareLinkCreatorSchema,
  shareLinkSchema,
  shareLinksResponseSchema,
} from './api/share-links.js';
export type { Batch, SdkInfo, SessionInfo } from './batch.js';
export { batchSchema, sdkInfoSchema, sessionInfoSchema } from './batch.js';
export type { ElementDescription } from './element.js';
export { elementSchema } from './element.js';
export type {
  ClickEvent,
  CustomEvent,
  ErrorEvent,
  EventType,
  FeedbackEvent,
  IdentifyEvent,
  InputEvent,
  NavigationType,
  NetworkEvent,
  PageEvent,
  ReplayEvent,
  RrwebEvent,
  ScrollEvent,
  SignalEvent,
  SignalKind,
  SnagEvent,
  VitalEvent,
} from './events.js';
export {
  clickEventSchema,
  customEventSchema,
  EVENT_TYPES,
  errorEventSchema,
  eventSchema,
  feedbackEventSchema,
  identifyEventSchema,
  inputEventSchema,
  NAVIGATION_TYPES,
  networkEventSchema,
  pageEventSchema,
  REPLAY_ENCODINGS,
  replayEventSchema,
  rrwebEventSchema,
  SIGNAL_KINDS,
  scrollEventSchema,
  signalEventSchema,
  vitalEventSchema,
} from './events.js';
export {
  MAX_BEACON_BYTES,
  MAX_BODY_BYTES,
  MAX_CLIENT_TIME_AHEAD_MS,
  MAX_DECOMPRESSED_BYTES,
  MAX_ELEMENT_TEXT_LENGTH,
  MAX_EVENTS_PER_BATCH,
  MAX_FEEDBACK_LENGTH,
  MAX_ID_LENGTH,
  MAX_JSON_DEPTH,
  MAX_LABEL_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PROPERTIES,
  MAX_PROPERTY_VALUE_LENGTH,
  MAX_REPLAY_CHUNK_BYTES,
  MAX_SELECTOR_LENGTH,
  MAX_STACK_LENGTH,
  MAX_TIMESTAMP_MS,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  MIN_TIMESTAMP_MS,
  PROTOCOL_VERSION,
} from './limits.js';
export type { Properties } from './primitives.js';
export { idSchema, propertiesSchema, timestampSchema, urlSchema } from './primitives.js';
