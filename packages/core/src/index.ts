export { DomainError, ErrorCode } from './errors/errors.ts'
export type { FieldIssue } from './errors/errors.ts'
export { parseInput, toFieldIssues } from './errors/validate.ts'
export { canonicalJson } from './util/canonical-json.ts'
export { IsoDateTime, RecordId, UuidV7 } from './util/ids.ts'
export { patchOf } from './util/patch.ts'
export { Lang, pickLang } from './i18n/lang.ts'
export { MESSAGES, PROBLEM_TITLES, message } from './i18n/problems.ts'
export { Role, ROLES } from './accounts/roles.ts'
export {
  ActivateInput,
  ChangePasswordInput,
  ResetPasswordInput,
  CreateTokenInput,
  CreateUserInput,
  EnableTotpInput,
  StartTotpInput,
  LoginInput,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  Password,
  UpdateUserInput,
  User,
  Username,
} from './accounts/schemas.ts'
export { Border, CreateOrgUnitInput, Latitude, Longitude, OrgUnit, OrgUnitKind, isInSubtree } from './org-units/schemas.ts'
export { APPROVAL_ROLES, PolicyAction, POLICY, Scope, actionsOf, decide, holdsNationally, mayApprove, scopeCovers, scopesOf } from './policy/policy.ts'
export type { Actor, Decision, PolicyRule, PolicyTarget } from './policy/policy.ts'
export { ActionInput, AppendResult, MAX_DEVICE_COUNTER, OnlineActionInput, StoredAction } from './actions/schemas.ts'
export { parseAction, parseDeviceAction, parseOnlineAction } from './actions/parse.ts'
export { ACTION_TYPES, GenericRecordType, RECORD_TYPES, RecordType, hasOwnFold, isCreateAction, payloadSchemaOf, reduceRecord } from './records/registry.ts'
export * from './cases/catalogues.ts'
export * from './cases/calendar.ts'
export * from './cases/folio.ts'
export * from './cases/fold.ts'
export * from './cases/schemas.ts'
export * from './tracing/record.ts'
export * from './tracing/schemas.ts'
export * from './tracing/registry.ts'
export * from './tracing/review.ts'
export * from './tracing/imports.ts'
export * from './tracing/statistics.ts'
export * from './registries/schemas.ts'
export * from './registries/attention.ts'
export * from './operations/schemas.ts'
export * from './operations/surge.ts'
export * from './operations/convoys.ts'
export * from './guide/editions.ts'
export * from './places/states.ts'
export type { RecordState } from './records/registry.ts'
export { HistoryEntry, RecordView, eventTimeOf } from './records/view.ts'
export { GeoPoint, PlaceKind, PlaceRegistered, PlaceStatus, PlaceUpdated } from './places/schemas.ts'
export { AgeBand, MAX_PEOPLE_PER_GROUP, Nationality, PeopleCount, Sex, Vulnerability, isPriority, totalPeople } from './people/counts.ts'
export { Service } from './field/services.ts'
export { DailyReportFiled, ReportedRescue } from './field/daily-report.ts'
export { TRACK_LIMITS, addTrackPoint, finishTrack, haversineM, routeDistanceKm, simplifyTrack, thinTrack } from './field/route.ts'
export type { TrackLimits, TrackPoint } from './field/route.ts'
export {
  AttentionRecorded,
  AttentionSetting,
  Authority,
  Damage,
  EmergencyType,
  ORIENTATION_LANGUAGES,
  Orientation,
  OrientationMaterial,
  OrientationMode,
  PatrolKind,
  PatrolRecorded,
  PersonIds,
  PlaceInspected,
  RemainsCondition,
  RemainsFound,
  RescueEquipment,
  RescueOutcome,
  RescuePartner,
  RescueRecorded,
  WaterTankLevel,
} from './field/schemas.ts'
export {
  CounterRange,
  DeviceHealth,
  DeviceId,
  DevicesQuery,
  FieldCounts,
  FieldSummary,
  FieldSummaryQuery,
  PeopleBreakdown,
  SummaryPeriod,
  MAX_PULL_LIMIT,
  MAX_PUSH_ACTIONS,
  MAX_PUSH_INFLATED_BYTES,
  MAX_PUSH_WIRE_BYTES,
  PullChange,
  PullQuery,
  PullResponse,
  PushAction,
  PushReason,
  PushRequest,
  PushResponse,
  PushResult,
  PushStatus,
  RegisterDeviceInput,
  RegisterDeviceResult,
} from './sync/schemas.ts'
export { BACKOFF_BASE_MS, BACKOFF_CAP_MS, nextBackoffMs } from './sync/backoff.ts'
export { estimateJsonSize, halveBatchSize, splitBatches } from './sync/batches.ts'
export type { BatchLimits } from './sync/batches.ts'
export { gapsBetween, missingRanges } from './sync/counters.ts'
export {
  CreatePersonInput,
  IDENTITY_FIELD_SETS,
  IdDocument,
  LanguageCode,
  LegalBasis,
  MaskedPerson,
  PersonIdentity,
  PersonLinkInput,
  PersonSearchInput,
  PersonStatus,
  PhysicalDescription,
  Purpose,
  RelativeContact,
} from './protection/identity.ts'
export { Consent, ConsentState, Recipient, RecipientClass, RecordConsentInput, consentState } from './protection/consent.ts'
export { DiscloseInput, DisclosureChannel, DisclosureRule, VITAL_PURPOSES, checkDisclosure } from './protection/disclosure.ts'
export type { DisclosureAnswer, DisclosureQuestion } from './protection/disclosure.ts'
export { FIELD_ACCESS, FieldSet, fieldSetsOf, pickFields, presentFields } from './protection/field-access.ts'
export { RIGHTS_DEADLINES, addBusinessDays, businessDaysBetween } from './protection/deadlines.ts'
export { BLOCKING_DEFAULT_DAYS, RETENTION_DEFAULT_DAYS, RetentionOverrides, purgeDueAt } from './protection/retention.ts'
export {
  ExtendRightsRequestInput,
  RectifyInput,
  RefusalGround,
  RefuseRightsRequestInput,
  RegisterRightsRequestInput,
  RightsKind,
  RightsRequest,
  RightsStatus,
} from './protection/rights.ts'
export { LEGAL_HOLD_LIMITS, LegalHold, PlaceLegalHoldInput, ReleaseLegalHoldInput } from './protection/holds.ts'
export { NAME_PARTICLES, namePhoneticKeys, nameTokens, normaliseName, normalisePhone, phoneticKey } from './protection/names.ts'
export * from './cases/routing.ts'
export * from './cases/patterns.ts'
export {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_LIMITS,
  AttachmentReadQuery,
  AttachmentType,
  AttachmentUploadQuery,
  AttachmentView,
  CustodyAction,
  CustodyEntry,
  attachmentAccept,
  cleanFileName,
  declaredType,
  downloadName,
} from './files/attachments.ts'
export { sniffType } from './files/sniff.ts'
export { AgeSource, BirthFeatures, FEATURES_VERSION, MatchFeatures, MatchInput, MatchRecordKind, MatchRole, NameFeatures, NameParse, NameToken } from './matching/schemas.ts'
export { MAX_NAMES, deserialiseFeatures, serialiseFeatures, standardise } from './matching/standardise.ts'
export { blockingKeys } from './matching/blocking.ts'
export { LEVEL_NOTES, compare } from './matching/compare.ts'
export type { Contribution, MatchComparison, MatchContext } from './matching/compare.ts'
export { DEFAULT_MODEL, FIELD_LEVELS, MATCH_FIELDS, MatchBand, MatchModel } from './matching/model.ts'
export type { ComparisonVector, MatchField } from './matching/model.ts'
export { NameFrequencies, frequencyWords } from './matching/frequencies.ts'
export type { FrequencySnapshot } from './matching/frequencies.ts'
export { MatchIndex } from './matching/candidate-index.ts'
export type { MatchCandidate, SearchOptions } from './matching/candidate-index.ts'
export { estimateFromLabels, estimateWithEm, matchProbability } from './matching/estimate.ts'
export type { EmResult, LabelledPair } from './matching/estimate.ts'
export { foldText } from './matching/text.ts'
export { phoneticKeys } from './matching/phonetic.ts'
export { formalNames } from './matching/hypocorisms.ts'
export * from './statistics/cells.ts'
