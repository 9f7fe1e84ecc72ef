import { z } from 'zod'
import { patchOf } from '../util/patch.ts'
import { PlaceRegistered, PlaceUpdated } from '../places/schemas.ts'
import { AttentionRecorded, PatrolRecorded, PlaceInspected, RemainsFound, RescueRecorded } from '../field/schemas.ts'
import { DailyReportFiled } from '../field/daily-report.ts'
import { reduceCase, type CaseState } from '../cases/fold.ts'
import { CallLogged, CASE_ACTIONS, CaseOpened } from '../cases/schemas.ts'
import { RegistryEntryImported } from '../tracing/registry.ts'
import { OperationChanged, OperationOpened, ShiftAttended, ShiftChanged, ShiftPlanned, SiteChanged, SiteOpened, TallyCounted, TallyOpened, VolunteerChanged, VolunteerRecruited, reduceTally, type TallyState } from '../operations/schemas.ts'
import { SurgeCounted, SurgeOpened, reduceSurge, type SurgeState } from '../operations/surge.ts'
import { ConvoyChanged, ConvoyIncidentReported, ConvoyScheduled, reduceConvoy, type ConvoyState } from '../operations/convoys.ts'
import { GuideAudioAttached, GuideEditionDrafted, GuideEditionScheduled, GuideEditionUnscheduled, GuideSectionAdded, GuideSectionRemoved, GuideSectionWritten, reduceGuideEdition, type GuideEditionState } from '../guide/editions.ts'
import { CertificateCorrected, CertificateRecorded, EquipmentRegistered, EquipmentUpdated, StaffProfileRecorded, TrainingCourseAdded } from '../registries/schemas.ts'

/** Corrections change any field but the responsible unit, which fixes who may see the record. */
function correctionOf<T extends z.ZodObject>(created: T) {
  return patchOf(created.omit({ orgUnitId: true }))
}

/**
 * Every record type, with its action types and their payload schemas. The first action of a
 * record must be its `createAction`; later actions are merged into the state in log order, or
 * folded by the type's own `reduce` when merging is not what they mean (a case's status).
 */
export const RECORD_TYPES = {
  place: {
    createAction: 'PlaceRegistered',
    actions: { PlaceRegistered, PlaceUpdated, PlaceInspected },
  },
  attention: {
    createAction: 'AttentionRecorded',
    actions: { AttentionRecorded, AttentionCorrected: correctionOf(AttentionRecorded) },
  },
  rescue: {
    createAction: 'RescueRecorded',
    actions: { RescueRecorded, RescueCorrected: correctionOf(RescueRecorded) },
  },
  patrol: {
    createAction: 'PatrolRecorded',
    actions: { PatrolRecorded, PatrolCorrected: correctionOf(PatrolRecorded) },
  },
  remains: {
    createAction: 'RemainsFound',
    actions: { RemainsFound, RemainsCorrected: correctionOf(RemainsFound) },
  },
  daily_report: {
    createAction: 'DailyReportFiled',
    actions: { DailyReportFiled, DailyReportCorrected: correctionOf(DailyReportFiled) },
  },
  call: {
    createAction: 'CallLogged',
    actions: { CallLogged, CallCorrected: correctionOf(CallLogged) },
  },
  staff_profile: {
    createAction: 'StaffProfileRecorded',
    actions: { StaffProfileRecorded, StaffProfileCorrected: correctionOf(StaffProfileRecorded).omit({ userId: true }) },
  },
  training_course: {
    createAction: 'TrainingCourseAdded',
    actions: { TrainingCourseAdded, TrainingCourseCorrected: correctionOf(TrainingCourseAdded) },
  },
  certificate: {
    createAction: 'CertificateRecorded',
    actions: { CertificateRecorded, CertificateCorrected },
  },
  equipment: {
    createAction: 'EquipmentRegistered',
    actions: { EquipmentRegistered, EquipmentUpdated },
  },
  operation: {
    createAction: 'OperationOpened',
    actions: { OperationOpened, OperationChanged },
  },
  site: {
    createAction: 'SiteOpened',
    actions: { SiteOpened, SiteChanged },
  },
  volunteer: {
    createAction: 'VolunteerRecruited',
    actions: { VolunteerRecruited, VolunteerChanged },
  },
  shift: {
    createAction: 'ShiftPlanned',
    actions: { ShiftPlanned, ShiftChanged, ShiftAttended },
  },
  tally: {
    createAction: 'TallyOpened',
    actions: { TallyOpened, TallyCounted },
    reduce: reduceTally,
  },
  surge: {
    createAction: 'SurgeOpened',
    actions: { SurgeOpened, SurgeCounted },
    reduce: reduceSurge,
  },
  convoy: {
    createAction: 'ConvoyScheduled',
    actions: { ConvoyScheduled, ConvoyChanged, ConvoyIncidentReported },
    reduce: reduceConvoy,
  },
  registry_entry: {
    createAction: 'RegistryEntryImported',
    actions: { RegistryEntryImported, RegistryEntryCorrected: correctionOf(RegistryEntryImported) },
  },
  guide_edition: {
    createAction: 'GuideEditionDrafted',
    actions: { GuideEditionDrafted, GuideSectionWritten, GuideSectionAdded, GuideSectionRemoved, GuideAudioAttached, GuideEditionScheduled, GuideEditionUnscheduled },
    reduce: reduceGuideEdition,
  },
  case: {
    createAction: 'CaseOpened',
    actions: { CaseOpened, ...CASE_ACTIONS },
    reduce: reduceCase,
  },
} as const

export type RecordType = keyof typeof RECORD_TYPES
export const RecordType = z.enum(Object.keys(RECORD_TYPES) as [RecordType, ...RecordType[]])

/**
 * The record types read and written through the generic record endpoints and the sync. Cases are
 * not: their folio, routing and the exclusion of the accused need the case API; nor are the
 * guide's editions, which must not change once published (the guide API checks the clock).
 */
export const GenericRecordType = RecordType.exclude(['case', 'guide_edition'])
export type GenericRecordType = z.infer<typeof GenericRecordType>

/** Every action type of every record type, e.g. `PlaceRegistered`. */
export const ACTION_TYPES: readonly string[] = Object.values(RECORD_TYPES).flatMap((def) => Object.keys(def.actions))

/** The payload schema of an action type of a record type, or undefined when it does not exist. */
export function payloadSchemaOf(recordType: RecordType, actionType: string): z.ZodType | undefined {
  const actions: Record<string, z.ZodType> = RECORD_TYPES[recordType].actions
  return Object.hasOwn(actions, actionType) ? actions[actionType] : undefined
}

/** True when a type folds its actions itself, so its state is more than its payloads merged. */
export function hasOwnFold(recordType: RecordType): boolean {
  return 'reduce' in RECORD_TYPES[recordType]
}

/** True when the action type creates a record of the type. */
export function isCreateAction(recordType: RecordType, actionType: string): boolean {
  return RECORD_TYPES[recordType].createAction === actionType
}

/** State of a record: the merged payloads of its actions. `orgUnitId` is fixed at creation. */
export type RecordState = Record<string, unknown> & { orgUnitId: string }

/**
 * Folds one action into a record's state. Pure: the server and the offline client use it to
 * compute the same view from the same log.
 * @example reduceRecord(undefined, { type: 'PlaceRegistered', payload: { orgUnitId: 'u', name: 'A' } }, 'place')
 */
export function reduceRecord(
  state: RecordState | undefined,
  action: { type: string; payload: Record<string, unknown> },
  recordType: RecordType,
): RecordState {
  // A type's own fold reads the state it wrote; the registry's entries only differ in that type.
  const def = RECORD_TYPES[recordType] as { reduce?: (state: never, action: { type: string; payload: Record<string, unknown> }) => CaseState | TallyState | SurgeState | ConvoyState | GuideEditionState }
  if (def.reduce !== undefined) {
    return def.reduce(state as never, action) as unknown as RecordState
  }
  if (isCreateAction(recordType, action.type)) {
    const orgUnitId = action.payload.orgUnitId
    return { ...action.payload, orgUnitId: typeof orgUnitId === 'string' ? orgUnitId : '' }
  }
  if (state === undefined) {
    throw new Error(`${action.type} before the record exists`)
  }
  return { ...state, ...action.payload, orgUnitId: state.orgUnitId }
}
