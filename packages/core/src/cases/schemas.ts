import { z } from 'zod'
import { LanguageCode, PersonIdentity } from '../protection/identity.ts'
import { IsoDateTime, RecordId } from '../util/ids.ts'
import { CaseCategory, CaseChannel, CaseKind, CaseOutcome, ContactChannel, InfoTopic, JourneyPlaceKind, kindOfCategory } from './catalogues.ts'
import { parseFolio } from './folio.ts'
import { CandidateMark, FamilyChoice, RegistryRef, Relationship, SoughtPerson, TRACE_ACTIONS, TraceOutcome } from '../tracing/record.ts'

/** A folio in canonical form whose check character matches. */
export const Folio = z.string().max(20).refine((text) => parseFolio(text) !== undefined && text === text.toUpperCase(), { message: 'folio' })

const Text = (max: number) => z.string().trim().min(1).max(max)

/**
 * Where an incident happened on the road home: a registered place (a port of entry, checkpoint,
 * toll plaza, module…), a highway and kilometre, a state and city, or "I don't know exactly".
 */
export const JourneyPlace = z.strictObject({
  kind: JourneyPlaceKind,
  placeId: RecordId.optional().describe('a place of the registry (GET /api/records/place)'),
  highway: z.string().trim().max(80).optional().describe('e.g. "México 57" or "Carretera 15"'),
  km: z.number().min(0).max(5000).optional(),
  state: z.string().trim().max(80).optional(),
  city: z.string().trim().max(120).optional(),
  note: z.string().trim().max(500).optional().describe('directions in the person\'s words'),
})
export type JourneyPlace = z.infer<typeof JourneyPlace>

/** Who is accused: kept apart from who handles the case, and never shown to the accused. */
export const Accused = z.strictObject({
  agencyId: RecordId.optional().describe('the org unit of the accused agency, when known'),
  description: z.string().trim().max(1000).optional().describe('uniform, rank, what they did'),
  badge: z.string().trim().max(40).optional(),
  vehiclePlate: z.string().trim().max(20).optional(),
})
export type Accused = z.infer<typeof Accused>

/** Structured facts: what was demanded or paid, the vehicle, the goods. */
export const CaseFacts = z.strictObject({
  amountDemanded: z.number().min(0).max(10_000_000).optional(),
  amountPaid: z.number().min(0).max(10_000_000).optional(),
  currency: z.enum(['MXN', 'USD']).default('MXN'),
  vehiclePlates: z.string().trim().max(20).optional(),
  vin: z.string().trim().regex(/^[A-HJ-NPR-Z0-9]{11,17}$/i).optional().describe('vehicle identification number'),
  importPermit: z.string().trim().max(40).optional().describe('temporary import permit number'),
  goodsSeized: z.string().trim().max(1000).optional(),
})
export type CaseFacts = z.infer<typeof CaseFacts>

const CaseFields = z.strictObject({
  orgUnitId: RecordId.describe('the unit that took it: a module, the call centre, a group'),
  folio: Folio,
  kind: CaseKind,
  category: CaseCategory,
  channel: CaseChannel,
  receivedAt: IsoDateTime,
  description: Text(4000).describe('what happened, in the person\'s words; no names: identity goes to the vault'),
  place: JourneyPlace.default({ kind: 'unknown' }),
  occurredFrom: IsoDateTime.optional().describe('when it happened, or the start of the window'),
  occurredTo: IsoDateTime.optional(),
  accused: Accused.optional(),
  facts: CaseFacts.optional(),
  language: LanguageCode.default('es').describe('the language the person wants to be written to in'),
  contactChannel: ContactChannel.default('none'),
  personId: RecordId.optional().describe('the identity in the vault, when the person gave it; absent when anonymous'),
  allowIdentityToAccused: z.boolean().default(false).describe('the person allows the accused agency to learn who complained'),
  inTransit: z.boolean().default(false).describe('the person is still on the road: urgent'),
  linkedRecord: z.strictObject({ recordType: z.string().max(40), recordId: RecordId }).optional().describe('e.g. the attention in which a Grupo Beta took the complaint'),
  sought: z.array(SoughtPerson).min(1).max(100).optional().describe('a location request: the people it seeks'),
  relationship: Relationship.optional().describe('a location request: who the requester is to them'),
})

function consistent<T extends z.ZodType<{ kind: CaseKind; category: CaseCategory; occurredFrom?: string | undefined; occurredTo?: string | undefined }>>(schema: T) {
  return schema
    .refine((c) => kindOfCategory(c.category) === c.kind, { path: ['category'], message: 'faro.case_category_kind' })
    .refine((c) => c.occurredFrom === undefined || c.occurredTo === undefined || c.occurredFrom <= c.occurredTo, { path: ['occurredTo'], message: 'faro.before_start' })
}

/** A location request, and only one, names the people it seeks. */
function seeksPeople(c: { kind: CaseKind; sought?: unknown[] | undefined }): boolean {
  return (c.kind === 'location_request') === (c.sought !== undefined && c.sought.length > 0)
}

/** Payload of CaseOpened: a complaint or request for help as it was taken. */
export const CaseOpened = consistent(CaseFields).refine(seeksPeople, { path: ['sought'], message: 'faro.trace_sought_kind' })
export type CaseOpened = z.infer<typeof CaseOpened>

/** One body a case was sent to, with its deadlines. */
export const Hop = z.strictObject({
  hopId: RecordId,
  bodyId: RecordId.describe('the org unit of the handling body'),
  parentHopId: RecordId.optional().describe('the hop that referred it here'),
  routedAt: IsoDateTime,
  acknowledgeBy: IsoDateTime,
  answerBy: IsoDateTime,
  reason: z.string().trim().max(500).optional(),
})
export type Hop = z.infer<typeof Hop>

const At = { at: IsoDateTime }
const HopRef = { hopId: RecordId, at: IsoDateTime }

export const CaseRouted = z.strictObject({ ...At, hops: z.array(Hop).min(1).max(10) })
export const CaseAcknowledged = z.strictObject({ ...HopRef, externalRef: z.string().trim().max(80).optional().describe('the body\'s own case number') })
export const CaseInfoRequested = z.strictObject({ ...HopRef, question: Text(2000) })
export const CaseInfoProvided = z.strictObject({ ...HopRef, answer: Text(4000) })
export const CaseAnswered = z.strictObject({ ...HopRef, answer: Text(4000) })
export const CaseReferred = z.strictObject({ ...HopRef, hops: z.array(Hop).min(1).max(5), reason: Text(500) })
export const CaseClosureProposed = z.strictObject({ ...HopRef, outcome: CaseOutcome, summary: Text(2000) })
export const CaseClosed = z.strictObject({ ...At, outcome: CaseOutcome, summary: z.string().trim().max(2000).optional() })
export const CaseReopened = z.strictObject({ ...At, reason: Text(2000) })
export const CaseNoteAdded = z.strictObject({ ...At, note: Text(2000) })

/** Every action of a case after it is opened, by type. */
export const CASE_ACTIONS = {
  CaseRouted,
  CaseAcknowledged,
  CaseInfoRequested,
  CaseInfoProvided,
  CaseAnswered,
  CaseReferred,
  CaseClosureProposed,
  CaseClosed,
  CaseReopened,
  CaseNoteAdded,
  ...TRACE_ACTIONS,
} as const
export type CaseActionType = keyof typeof CASE_ACTIONS | 'CaseOpened'

/** Reopening is possible this long after closure. */
export const REOPEN_WINDOW_DAYS = 30

/** The policy action each case action needs. */
export const CASE_ACTION_POLICY = {
  CaseOpened: 'case.create',
  CaseRouted: 'case.route',
  CaseAcknowledged: 'case.answer',
  CaseInfoRequested: 'case.answer',
  CaseAnswered: 'case.answer',
  CaseReferred: 'case.answer',
  CaseClosureProposed: 'case.answer',
  CaseInfoProvided: 'case.update',
  CaseNoteAdded: 'case.update',
  CaseClosed: 'case.close',
  CaseReopened: 'case.close',
  // Whoever works on a location request — the body it was sent to, the national office —
  // reviews its candidates and records what came of each person and the found person's choice
  // (the steps check that the caller's body holds the request: a filer that may update it does not).
  TraceCandidateMarked: 'case.update',
  TraceOutcomeSet: 'case.update',
  TraceFamilyChoiceSet: 'case.update',
  // Acted by the system when a new registry record may be a sought person.
  TraceCandidateFound: 'case.update',
} as const satisfies Record<CaseActionType, string>

/**
 * Who may learn the complainant's identity, as the person chose at intake: the bodies that handle
 * the case, the consulate of their nationality, their relatives. Nobody else, and never the
 * accused agency unless `allowIdentityToAccused`.
 */
export const ComplainantConsent = z.enum(['handling_body', 'consulate', 'relatives'])
export type ComplainantConsent = z.infer<typeof ComplainantConsent>

/**
 * The identity a complainant chose to give, with whom it may be shared. It goes into the identity
 * vault, never into the case: the case keeps the vault reference only. An e-mail or phone alone
 * (to be written to, without a name) is an identity too.
 */
export const Complainant = z.strictObject({
  identity: PersonIdentity,
  consents: z.array(ComplainantConsent).max(3).default([]).describe('recipient classes the person agreed to'),
})
export type Complainant = z.infer<typeof Complainant>

/**
 * A complaint or request for help as an intake sends it (`POST /api/cases`): the server adds the
 * folio and the time. `id` names the intake: sent again, it is the same case with the same folio.
 * `pin` may be chosen by the client (so a retried intake keeps the PIN the person was shown);
 * otherwise the server makes one and answers it once.
 */
export const CaseIntake = consistent(
  CaseFields.omit({ folio: true, receivedAt: true, orgUnitId: true, sought: true, relationship: true }).extend({
    id: RecordId.describe('a new UUID per intake, kept for retries'),
    orgUnitId: RecordId.optional().describe('default: the caller\'s unit'),
    pin: z.string().regex(/^\d{6}$/).optional().describe('six digits the person will be shown'),
    folio: Folio.optional().describe('a folio of a block the caller reserved (POST /api/cases/folio-blocks), for a case taken offline: the person already has it'),
    takenAt: IsoDateTime.optional().describe('when a case taken offline was taken; default: when it arrives'),
    complainant: Complainant.optional().describe('the identity the person chose to give: stored in the vault, not in the case'),
  }),
)
  .refine((c) => c.kind !== 'location_request', { path: ['kind'], message: 'faro.trace_use_tracing' })
  .refine((c) => c.complainant === undefined || c.personId === undefined, { path: ['complainant'], message: 'faro.case_person_twice' })
  .refine((c) => c.contactChannel !== 'email' || c.complainant?.identity.email !== undefined || c.personId !== undefined, { path: ['complainant', 'identity', 'email'], message: 'faro.case_email_needed' })
  .refine((c) => c.contactChannel !== 'phone' || (c.complainant?.identity.phones.length ?? 0) > 0 || c.personId !== undefined, { path: ['complainant', 'identity', 'phones'], message: 'faro.case_phone_needed' })
  .refine((c) => !c.complainant?.consents.includes('consulate') || c.complainant.identity.nationality !== undefined, { path: ['complainant', 'identity', 'nationality'], message: 'faro.case_nationality_needed' }).meta({ examples: [{ id: '0193a1f2-7c3e-7a10-9b2c-3d4e5f6a7b8c', kind: 'complaint', category: 'extortion', channel: 'module', description: 'En la revisión le pidieron dinero para dejarlo pasar.', place: { kind: 'customs' }, accused: { agencyId: 'agency-aga' } }] })
export type CaseIntake = z.infer<typeof CaseIntake>

/** What an intake answers: the folio, and the PIN the first time only. */
export const CaseIntakeResult = z.object({
  status: z.enum(['accepted', 'duplicate']),
  recordId: z.string(),
  folio: z.string(),
  pin: z.string().nullable().describe('shown once; null on a repeat of the same intake (the client kept it)'),
})
export type CaseIntakeResult = z.infer<typeof CaseIntakeResult>

const StepBase = { id: RecordId.describe('a new UUID per step, kept for retries') }
const HopStep = { ...StepBase, hopId: RecordId }
const Bodies = z.array(RecordId).min(1).max(5).describe('org units of the handling bodies')

/** One step of a case's life (`POST /api/cases/:id/steps`); the server stamps the time and deadlines. */
export const CaseStep = z.discriminatedUnion('type', [
  z.strictObject({ ...HopStep, type: z.literal('acknowledge'), externalRef: z.string().trim().max(80).optional() }),
  z.strictObject({ ...HopStep, type: z.literal('request_info'), question: Text(2000) }),
  z.strictObject({ ...HopStep, type: z.literal('provide_info'), answer: Text(4000) }),
  z.strictObject({ ...HopStep, type: z.literal('answer'), answer: Text(4000) }),
  z.strictObject({ ...HopStep, type: z.literal('refer'), to: Bodies, reason: Text(500) }),
  z.strictObject({ ...HopStep, type: z.literal('propose_closure'), outcome: CaseOutcome, summary: Text(2000) }),
  z.strictObject({ ...StepBase, type: z.literal('route'), to: Bodies, reason: z.string().trim().max(500).optional() }),
  z.strictObject({ ...StepBase, type: z.literal('close'), outcome: CaseOutcome, summary: z.string().trim().max(2000).optional() }),
  z.strictObject({ ...StepBase, type: z.literal('reopen'), reason: Text(2000) }),
  z.strictObject({ ...StepBase, type: z.literal('note'), note: Text(2000) }),
  // A location request: a reviewer's word on a candidate for one sought person, and what came of them.
  z.strictObject({ ...StepBase, type: z.literal('mark_candidate'), soughtId: RecordId, candidate: RegistryRef, mark: CandidateMark, forensicRef: z.string().trim().max(120).optional(), note: z.string().trim().max(1000).optional() }),
  z
    .strictObject({
      ...StepBase,
      type: z.literal('set_outcome'),
      soughtId: RecordId,
      outcome: TraceOutcome,
      record: RegistryRef.optional(),
      place: z.string().trim().max(200).optional(),
      condition: z.string().trim().max(500).optional(),
      unableToDecide: z.boolean().optional().describe('found alive but unable to decide for themselves (unconscious, lacking capacity): told as for a minor'),
      forensicRef: z.string().trim().max(120).optional(),
    })
    .refine((o) => o.outcome !== 'found_deceased' || o.forensicRef !== undefined, { path: ['forensicRef'], message: 'faro.trace_forensic_needed' })
    .refine((o) => o.unableToDecide !== true || o.outcome === 'found_alive', { path: ['unableToDecide'], message: 'faro.trace_unable_alive_only' }),
  z.strictObject({ ...StepBase, type: z.literal('record_choice'), soughtId: RecordId, choice: FamilyChoice.describe('what the found person lets the requester be told') }),
])
export type CaseStep = z.infer<typeof CaseStep>

/** A case as staff read it. */
export const CaseView = z.object({
  recordId: z.string(),
  folio: z.string(),
  status: z.string().describe('received, routed, acknowledged, info_requested, answered, resolved, not_resolved or closed'),
  publicStatus: z.string().describe('what the person who filed it is told'),
  nextDeadline: z.string().nullable(),
  overdueHops: z.array(z.string()),
  identified: z.boolean().describe('the person who filed it gave an identity (in the vault); who may see it is decided by POST /api/cases/:id/complainant'),
  state: z.record(z.string(), z.unknown()).describe('the case as folded from its actions'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type CaseView = z.infer<typeof CaseView>

/** A folio and its PIN, as the person who filed the case types them. */
export const CaseLookup = z.strictObject({ folio: z.string().max(30), pin: z.string().max(12) })

/** What the person who filed a case may know: no bodies, no staff, no other people. */
export const PublicCaseView = z.object({
  folio: z.string(),
  kind: CaseKind,
  category: CaseCategory,
  status: z.enum(['received', 'in_progress', 'info_requested', 'answered', 'closed']),
  receivedAt: z.string(),
  lastActivityAt: z.string(),
  outcome: CaseOutcome.nullable(),
  mayReopenUntil: z.string().nullable(),
})
export type PublicCaseView = z.infer<typeof PublicCaseView>

/** What came of a call to the call centre. */
export const CallOutcome = z.enum(['informed', 'case_opened', 'case_followed_up', 'transferred', 'dropped'])

/**
 * Payload of CallLogged: one call to the call centre, information-only or not. Topic and outcome
 * only — the caller is not identified here; a complaint or request goes to a case, named by folio.
 */
export const CallLogged = z.strictObject({
  orgUnitId: RecordId.describe('the call centre'),
  at: IsoDateTime,
  topic: InfoTopic,
  outcome: CallOutcome,
  folio: Folio.optional().describe('the case the call opened or followed up'),
  fromCountry: z.enum(['MX', 'US', 'other']).default('MX').describe('where the call came from'),
  language: LanguageCode.default('es'),
  minutes: z.number().int().min(0).max(600).optional(),
  notes: z.string().trim().max(1000).optional().describe('no names: the caller is not identified in a call log'),
})
export type CallLogged = z.infer<typeof CallLogged>
