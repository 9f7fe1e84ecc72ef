import type { Generated } from 'kysely'

/** Tables as TypeScript sees them (camelCase through CamelCasePlugin). Flags are 0/1 integers. */
export interface Database {
  orgUnits: OrgUnitsTable
  users: UsersTable
  credentials: CredentialsTable
  sessions: SessionsTable
  apiTokens: ApiTokensTable
  loginFailures: LoginFailuresTable
  actions: ActionsTable
  records: RecordsTable
  caseFolios: CaseFoliosTable
  folioReservations: FolioReservationsTable
  mailOutbox: MailOutboxTable
  scheduledJobs: ScheduledJobsTable
  routingRuleSets: RoutingRuleSetsTable
  auditEvents: AuditEventsTable
  auditHead: AuditHeadTable
  meta: MetaTable
  people: PeopleTable
  personKeys: PersonKeysTable
  personNameIndex: PersonNameIndexTable
  personLinks: PersonLinksTable
  consents: ConsentsTable
  disclosures: DisclosuresTable
  rightsRequests: RightsRequestsTable
  oppositions: OppositionsTable
  retentionRuns: RetentionRunsTable
  legalHolds: LegalHoldsTable
  devices: DevicesTable
  syncConflicts: SyncConflictsTable
  syncRejections: SyncRejectionsTable
  attachments: AttachmentsTable
  registryImports: RegistryImportsTable
  matchWords: MatchWordsTable
  matchCounted: MatchCountedTable
  accountActivations: AccountActivationsTable
  publicMedia: PublicMediaTable
  statCells: StatCellsTable
  statMargins: StatMarginsTable
  statMonths: StatMonthsTable
  statExports: StatExportsTable
  statExportChunks: StatExportChunksTable
  statApprovals: StatApprovalsTable
  statPublications: StatPublicationsTable
  attachmentCustody: AttachmentCustodyTable
}

export interface OrgUnitsTable {
  id: string
  parentId: string | null
  kind: string
  name: string
  code: string | null
  state: string | null
  city: string | null
  border: string | null
  lat: number | null
  lon: number | null
  /** Root-first ancestry with slashes around every id: `/inm/beta/beta-tijuana/`. */
  path: string
  demo: number
  createdAt: string
}

export interface UsersTable {
  id: string
  username: string
  displayName: string
  role: string
  orgUnitId: string
  disabled: number
  demo: number
  createdAt: string
  email: string | null
  /** When the account stops working on its own (a volunteer's, after their operation); null: never. */
  expiresAt: Generated<string | null>
}

export interface CredentialsTable {
  userId: string
  passwordHash: string
  totpSecret: string | null
  totpPendingSecret: string | null
  updatedAt: string
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  idHash: string
  userId: string
  csrfToken: string
  createdAt: string
  expiresAt: string
}

export interface ApiTokensTable {
  id: string
  userId: string
  name: string
  tokenHash: string
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
}

export interface LoginFailuresTable {
  id: Generated<number>
  key: string
  failedAt: string
}

export interface ActionsTable {
  seq: Generated<number>
  id: string
  recordType: string
  recordId: string
  type: string
  payload: string
  contentHash: string
  actorId: string
  orgUnitId: string
  deviceId: string | null
  deviceCounter: number | null
  clientTime: string | null
  receivedAt: string
  /** The record version the change was made on; null for creations and older actions. */
  baseVersion: number | null
}

export interface RecordsTable {
  recordType: string
  recordId: string
  orgUnitId: string
  orgUnitPath: string
  ownerId: string
  state: string
  routedTo: string
  /** JSON list of the units that may never read the record (an accused agency and its units). */
  excludedUnits: string
  priority: number
  demo: number
  version: number
  createdAt: string
  updatedAt: string
  /** When a case next needs the deadline sweep (a reminder or a deadline); null when never. */
  alertAt: Generated<string | null>
  /** When the recorded work happened, else the creation time; null only before a record's first write. */
  occurredAt: string | null
  /** 1 when two devices corrected one field without seeing each other's change. */
  needsReview: Generated<number>
}

export interface FolioReservationsTable {
  folio: string
  reservedBy: string
  reservedAt: string
  recordId: string | null
  usedAt: string | null
}

export interface CaseFoliosTable {
  folio: string
  recordId: string
  pinHash: string
  createdAt: string
  pinFailures: Generated<number>
  pinLockedUntil: string | null
}

export interface RoutingRuleSetsTable {
  version: number
  rules: string
  createdBy: string
  createdAt: string
  note: string
}

export interface MailOutboxTable {
  id: string
  idempotencyKey: string
  /** `user` (an account) or `person` (the vault, for a complainant). */
  recipientKind: string
  recipientId: string
  template: string
  lang: string
  params: string
  /** pending, sending, sent, failed. */
  status: string
  attempts: Generated<number>
  nextAttemptAt: string
  claimedUntil: string | null
  createdAt: string
  sentAt: string | null
  lastError: string | null
}

export interface ScheduledJobsTable {
  name: string
  nextRunAt: string
  lockedBy: string | null
  lockedUntil: string | null
  lastRunAt: string | null
  runs: Generated<number>
}

export interface AuditEventsTable {
  seq: number
  id: string
  at: string
  requestId: string
  actorId: string
  role: string
  orgUnitId: string
  action: string
  recordType: string | null
  recordId: string | null
  decision: string
  prevHash: string
  hash: string
}

export interface AuditHeadTable {
  id: number
  seq: number
  hash: string
}

export interface MetaTable {
  key: string
  value: string
}

export interface DevicesTable {
  deviceId: string
  userId: string
  orgUnitId: string
  orgUnitPath: string
  label: string | null
  registeredAt: string
  revokedAt: string | null
  revokedBy: string | null
  lastContactAt: string | null
  lastPushAt: string | null
}

export interface SyncConflictsTable {
  id: Generated<number>
  deviceId: string
  actionId: string
  deviceCounter: number | null
  reason: string
  /** The incoming action as JSON, exactly as the device sent it. */
  action: string
  actorId: string
  receivedAt: string
  resolvedAt: string | null
}

export interface SyncRejectionsTable {
  id: Generated<number>
  deviceId: string
  actionId: string
  deviceCounter: number | null
  reason: string
  errors: string
  receivedAt: string
}

/** A vault entry: identity only as ciphertext; `presentFields` names filled fields, no values. */
export interface PeopleTable {
  id: string
  orgUnitId: string
  orgUnitPath: string
  status: string
  ciphertext: string | null
  presentFields: string
  createdBy: string
  createdAt: string
  updatedAt: string
  blockedAt: string | null
  shredAt: string | null
  shreddedAt: string | null
}

export interface PersonKeysTable {
  personId: string
  wrappedKey: string
  keyVersion: number
  createdAt: string
}

export interface PersonNameIndexTable {
  personId: string
  kind: string
  digest: string
}

export interface PersonLinksTable {
  personId: string
  recordType: string
  recordId: string
  legalBasis: string
  purpose: string
  createdBy: string
  createdAt: string
}

export interface ConsentsTable {
  id: string
  personId: string
  recipientClass: string
  recipientName: string | null
  recipientCountry: string | null
  purpose: string
  legalBasis: string
  givenAt: string
  expiresAt: string | null
  withdrawnAt: string | null
  withdrawnBy: string | null
  recordedBy: string
  explainedIn: string
  createdAt: string
}

export interface DisclosuresTable {
  id: string
  personId: string
  channel: string
  recipientClass: string | null
  recipientName: string | null
  recipientCountry: string | null
  purpose: string
  legalBasis: string
  legalReference: string | null
  fieldSets: string
  allowed: number
  rule: string
  actorId: string
  at: string
}

export interface RightsRequestsTable {
  id: string
  personId: string
  kind: string
  status: string
  channel: string
  purpose: string | null
  receivedAt: string
  dueAt: string
  extended: number
  extensionReason: string | null
  resolvedAt: string | null
  refusalGround: string | null
  refusalReason: string | null
  shredAt: string | null
  recordedBy: string
}

export interface OppositionsTable {
  personId: string
  purpose: string
  requestId: string
  at: string
}

export interface RetentionRunsTable {
  id: string
  ranAt: string
  actorId: string
  shredded: number
  personIds: string
}

/** A legal hold on a person: active while `releasedAt` is null. Reasons hold no names. */
export interface LegalHoldsTable {
  id: string
  personId: string
  reason: string
  reference: string
  placedBy: string
  placedAt: string
  releasedBy: string | null
  releasedAt: string | null
  releaseReason: string | null
}

/** An evidence file on a record: bytes and name encrypted under its own data key, kept wrapped. */
export interface AttachmentsTable {
  id: string
  recordType: string
  recordId: string
  nameSealed: string | null
  mediaType: string
  size: number
  sha256: string
  wrappedKey: string
  keyVersion: number
  /** IV (12 bytes), GCM tag (16 bytes), then the encrypted file. */
  ciphertext: Buffer
  addedBy: string
  addedByUnit: string
  addedAt: string
}

/** One line of an attachment's chain of custody; append-only. */
export interface AttachmentCustodyTable {
  id: string
  attachmentId: string
  action: string
  actorId: string
  actorUnit: string
  at: string
  requestId: string
}

/** One partner's list brought into the registry: who, when, how many rows, which file. */
export interface RegistryImportsTable {
  id: string
  source: string
  orgUnitId: string
  actorId: string
  format: string
  rows: number
  sha256: string
  importedAt: string
}

/** How many registry people have a name word (given or surname) or a nationality, under its keyed hash. */
export interface MatchWordsTable {
  digest: string
  count: number
}

/** The registry people whose words are counted in match_words. */
export interface MatchCountedTable {
  personId: string
}

/** A one-time code with which an account made in bulk sets its own password the first time. */
export interface AccountActivationsTable {
  userId: string
  codeHash: string
  createdAt: string
  expiresAt: string
}

/** A recording of a public page read aloud (guide/audio.ts): public once its edition is published. */
export interface PublicMediaTable {
  id: string
  mediaType: string
  size: number
  sha256: string
  bytes: Uint8Array
  addedBy: string
  addedAt: string
}

/** The statistics' summary: every record's counts added up by cell (statistics/summaries.ts). */
export interface StatCellsTable {
  fact: string
  day: string
  unitId: string
  sex: string
  ageBand: string
  nationality: string
  kind: string
  outcome: string
  channel: string
  body: string
  timing: string
  /** A bigint on PostgreSQL, which answers it as a string. */
  n: number | string
}

/** The summary's cells by month (statistics/months.ts). */
export interface StatMonthsTable {
  fact: string
  month: string
  unitId: string
  sex: string
  ageBand: string
  nationality: string
  kind: string
  outcome: string
  channel: string
  body: string
  timing: string
  /** A bigint on PostgreSQL, which answers it as a string. */
  n: number | string
}

/** The summary's one-way margins (statistics/margins.ts). */
export interface StatMarginsTable {
  grain: string
  fact: string
  dim: string
  period: string
  unitId: string
  value: string
  /** A bigint on PostgreSQL, which answers it as a string. */
  n: number | string
}

/** An export of the statistics, run as a job (statistics/export/jobs-repo.ts); kept 24 hours. */
export interface StatExportsTable {
  id: string
  userId: string
  unitId: string
  format: string
  lang: string
  /** The question or report asked for, as JSON: fact, unit, period, breakdown; never a person. */
  question: string
  status: 'queued' | 'running' | 'done' | 'failed'
  progress: Generated<number>
  rows: Generated<number>
  filename: string
  mediaType: string
  size: number | null
  sha256: string | null
  /** The claim of the process running (or that ran) it; its chunks are written under it. */
  claim: string | null
  leaseUntil: string | null
  attempts: Generated<number>
  error: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  expiresAt: string
}

/** A finished export's bytes, a megabyte a row, in order. */
export interface StatExportChunksTable {
  exportId: string
  claim: string
  seq: number
  bytes: Uint8Array
}

/** A programme's period approved for a unit: by its coordinator, or nationally (each revision). */
export interface StatApprovalsTable {
  id: string
  programme: string
  period: string
  unitId: string
  level: 'coordinator' | 'national'
  /** 0 for a coordinator's approval; 1, 2… for the national office's publications. */
  revision: number
  approvedBy: string
  approvedAt: string
}

/** A published table as it went out, frozen: one row per table and revision, never changed. */
export interface StatPublicationsTable {
  programme: string
  period: string
  tableId: string
  revision: number
  k: number
  /** The protected table (JSON), exactly as published. */
  shown: string
  /** The exact counts it was protected from (JSON); never published. */
  counts: string
  approvedBy: string
  publishedAt: string
}
