export type {
  ApiToken,
  ApiTokensResponse,
  AuthSession,
  CreatedApiToken,
  Invite,
  Member,
  MembersResponse,
  Principal,
  SignedIn,
} from './api/access.js';
export {
  apiTokenSchema,
  apiTokensResponseSchema,
  authSessionSchema,
  createdApiTokenSchema,
  inviteSchema,
  memberSchema,
  membersResponseSchema,
  principalSchema,
  signedInSchema,
} from './api/access.js';
export type { AlertChannel, AlertChannelsResponse } from './api/alert-channels.js';
export {
  alertChannelSchema,
  alertChannelsResponseSchema,
  emailChannelSchema,
  webhookChannelSchema,
} from './api/alert-channels.js';
export type { AlertDelivery, AlertHistoryEntry, AlertHistoryResponse, AlertTestResult } from './api/alert-history.js';
export {
  alertDeliverySchema,
  alertHistoryEntrySchema,
  alertHistoryResponseSchema,
  alertTestResultSchema,
} from './api/alert-history.js';
export type {
  AlertCondition,
  AlertRule,
  AlertRuleInput,
  AlertRulesResponse,
  DigestResponse,
  DigestSettings,
  HotspotRef,
} from './api/alert-rules.js';
export {
  ALERT_RULE_KINDS,
  alertConditionSchema,
  alertRuleInputSchema,
  alertRuleSchema,
  alertRulesResponseSchema,
  digestResponseSchema,
  digestSettingsSchema,
  hotspotRefSchema,
} from './api/alert-rules.js';
export type { SignalCounts } from './api/common.js';
export {
  countSchema,
  deviceClassSchema,
  isoTimeSchema,
  nextCursorSchema,
  roleSchema,
  shareSchema,
  signalCountsSchema,
  signalKindSchema,
} from './api/common.js';
export type { Sentence, SentenceLink, SessionsFilter } from './api/explanation.js';
export { sentenceLinkSchema, sentenceSchema, sessionsFilterSchema } from './api/explanation.js';
export type { HeatmapCell, HeatmapElement, HeatmapResponse, ScrollReach } from './api/heatmap.js';
export { heatmapCellSchema, heatmapElementSchema, heatmapResponseSchema, scrollReachSchema } from './api/heatmap.js';
export type { Hotspot, HotspotElement, HotspotExample, HotspotsResponse } from './api/hotspots.js';
export {
  hotspotElementSchema,
  hotspotExampleSchema,
  hotspotSchema,
  hotspotsResponseSchema,
  hotspotTrendSchema,
} from './api/hotspots.js';
export type { PageRow, PagesResponse, Project, ProjectKeys, ProjectsResponse } from './api/projects.js';
export {
  pageRowSchema,
  pagesResponseSchema,
  projectKeysSchema,
  projectSchema,
  projectsResponseSchema,
} from './api/projects.js';
export type {
  Answer,
  AnswerQuote,
  AnswersResponse,
  AnswersSummary,
  PublicQuestion,
  PublicQuestionsResponse,
  Question,
  QuestionsResponse,
  QuestionTargeting,
} from './api/questions.js';
export {
  answerQuoteSchema,
  answerSchema,
  answersResponseSchema,
  answersSummarySchema,
  publicQuestionSchema,
  publicQuestionsResponseSchema,
  questionSchema,
  questionsResponseSchema,
  questionTargetingSchema,
} from './api/questions.js';
export type {
  FeedbackTab,
  PublicConfig,
  RecordingSettings,
  RecordingSettingsPatch,
  RecordingSettingsResponse,
  RemoteRecording,
} from './api/recording-settings.js';
export {
  feedbackTabSchema,
  publicConfigSchema,
  recordingSettingsPatchSchema,
  recordingSettingsResponseSchema,
  recordingSettingsSchema,
  remoteRecordingSchema,
} from './api/recording-settings.js';
export type { ReleaseChange, ReleaseComparison } from './api/releases.js';
export { releaseChangeSchema, releaseComparisonSchema, releaseRateSchema } from './api/releases.js';
export type { RecordedEvent, ReplayDocument, ReplayMarker } from './api/replay.js';
export { recordedEventSchema, replayDocumentSchema, replayMarkerSchema } from './api/replay.js';
export type {
  AssetSettings,
  AssetSettingsResponse,
  AssetsWanted,
  ReplayAsset,
  ReplayAssetStatus,
  ReplayAssetsResponse,
} from './api/replay-assets.js';
export {
  assetSettingsResponseSchema,
  assetSettingsSchema,
  assetsWantedSchema,
  REPLAY_ASSET_KINDS,
  REPLAY_ASSET_STATUSES,
  replayAssetSchema,
  replayAssetsResponseSchema,
} from './api/replay-assets.js';
export type { FrictionReport, ReportDay, ReportHotspot, SharedReport } from './api/report.js';
export { frictionReportSchema, reportDaySchema, reportHotspotSchema, sharedReportSchema } from './api/report.js';
export type {
  JourneySignal,
  ReplayKept,
  SessionDocument,
  SessionRow,
  SessionSignal,
  SessionSummary,
  SessionsResponse,
  StoredEvent,
} from './api/sessions.js';
export {
  journeySignalSchema,
  replayKeptSchema,
  sessionDocumentSchema,
  sessionRowSchema,
  sessionSignalSchema,
  sessionSummarySchema,
  sessionsResponseSchema,
  storedEventSchema,
} from './api/sessions.js';
export type { CreatedShareLink, ShareLink, ShareLinksResponse } from './api/share-links.js';
export {
  createdShareLinkSchema,
  shareLinkCreatorSchema,
  shareLinkSchema,
  shareLinksResponseSchema,
} from './api/share-links.js';
export type { ReleaseTrend, ReleaseTrendsResponse, TrendBucket, TrendsResponse } from './api/trends.js';
export {
  releaseTrendSchema,
  releaseTrendsResponseSchema,
  trendBucketSchema,
  trendsResponseSchema,
} from './api/trends.js';
export type { Batch, SdkInfo, SessionInfo } from './batch.js';
export { batchSchema, sdkInfoSchema, sessionInfoSchema } from './batch.js';
export type { ElementDescription } from './element.js';
export { elementSchema } from './element.js';
export type {
  AlertChannelType,
  AlertKind,
  AnswerOutcome,
  ApiTokenScope,
  DeliveryStatus,
  DeviceClass,
  HeatmapDeviceClass,
  QuestionStatus,
  QuestionType,
  ReplayMode,
  ReplayTrigger,
  Role,
  SessionSort,
  TrendInterval,
  WebhookFormat,
} from './enums.js';
export {
  ALERT_CHANNEL_TYPES,
  ALERT_KINDS,
  ANSWER_OUTCOMES,
  API_TOKEN_SCOPES,
  DELIVERY_STATUSES,
  DEVICE_CLASSES,
  HEATMAP_DEVICE_CLASSES,
  OTHER_CHOICE,
  QUESTION_STATUSES,
  QUESTION_TYPES,
  REPLAY_MODES,
  REPLAY_TRIGGERS,
  ROLE_WORDS,
  ROLES,
  SESSION_SORTS,
  SIGNAL_KIND_LABELS,
  TREND_INTERVALS,
  WEBHOOK_FORMATS,
} from './enums.js';
export type {
  AnswerEvent,
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
  answerEventSchema,
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
  MAX_ANSWER_TEXT_LENGTH,
  MAX_BEACON_BYTES,
  MAX_BODY_BYTES,
  MAX_CLIENT_TIME_AHEAD_MS,
  MAX_DECOMPRESSED_BYTES,
  MAX_ELEMENT_TEXT_LENGTH,
  MAX_EVENTS_PER_BATCH,
  MAX_FEEDBACK_LABEL_LENGTH,
  MAX_FEEDBACK_LENGTH,
  MAX_ID_LENGTH,
  MAX_JSON_DEPTH,
  MAX_LABEL_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PROPERTIES,
  MAX_PROPERTY_VALUE_LENGTH,
  MAX_QUESTION_OPTION_LENGTH,
  MAX_QUESTION_OPTIONS,
  MAX_QUESTION_TEXT_LENGTH,
  MAX_REPLAY_BUFFER_MS,
  MAX_REPLAY_CHUNK_BYTES,
  MAX_SELECTOR_LENGTH,
  MAX_SELECTORS,
  MAX_SETTINGS_SELECTOR_LENGTH,
  MAX_STACK_LENGTH,
  MAX_TIMESTAMP_MS,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  MIN_REPLAY_BUFFER_MS,
  MIN_TIMESTAMP_MS,
  PROTOCOL_VERSION,
} from './limits.js';
export type { Properties } from './primitives.js';
export { idSchema, propertiesSchema, timestampSchema, urlSchema } from './primitives.js';
export { selectorProblem } from './selectors.js';
