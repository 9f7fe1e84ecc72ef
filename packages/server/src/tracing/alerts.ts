import { compare, identityMatchInput, standardise, type Actor, type AlertBand, type CaseState, type PersonIdentity, type RegistryRef } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Ctx } from '../log/context.ts'
import { submitAction } from '../log/records.ts'
import { enqueue, recipientsIn, type NewMessage } from '../mail/outbox.ts'
import type { NoticeSettings } from '../cases/notices.ts'
import { indexDigest, type Keyring } from '../protection/keyring.ts'
import { matchKeys } from '../protection/people/vault.ts'
import { openIdentities, peopleSharing, recordFeatures, registryPopulation } from './registry-search.ts'
import { countPeople, frequenciesFor } from './match-words.ts'
import { REGISTRY_RECORD_TYPES } from '@faro/core'

/**
 * The second direction of the search: every registry record that arrives (an attention or a
 * rescue naming a person, an imported list entry) is compared with the people sought by every open
 * location request filed before it, and a `strong` candidate, or a `possible` one at even odds or
 * better, alerts the request's handler — an action
 * in the request's log (`TraceCandidateFound`, acted by the system) and a message to the people of
 * the body it was sent to, with the folio and the person's number, never a name.
 *
 * The job reads the registry links in the order they arrived, from a cursor kept in `meta`; it
 * runs under the scheduler's lease, so once however many processes serve the database, and a
 * candidate already in a request's log (alerted or marked) is never raised again, so a pass
 * repeated after a crash adds nothing.
 */

const CURSOR_KEY = 'tracing_match_cursor'
/**
 * A possible candidate alerts only at even odds or better (posterior log2-odds ≥ 0): the band
 * reaches far down for the reviewer's list, where a namesake in a crowded village would otherwise
 * alert on every record.
 */
const ALERT_MIN_SCORE = 0
const PAGE = 200
/** The search acts as the national office does when it routes a case. */
const SEARCH_ACTOR: Actor = { userId: 'system', role: 'paisano_coordinator', orgUnitId: 'paisano' }
/** Who hears of a candidate: whoever works on location requests in the body. */
const REVIEWER_ROLES = ['group_coordinator', 'paisano_coordinator']

interface Cursor {
  at: string
  personId: string
  recordId: string
}

export interface AlertPass {
  /** Registry records read. */
  records: number
  /** Candidates that alerted a request's handler. */
  alerts: number
}

/** Reads the registry records that arrived since the last pass and alerts on each candidate. */
export async function alertNewCandidates(db: Db, clock: Clock, keyring: Keyring, settings: NoticeSettings = {}): Promise<AlertPass> {
  const pass: AlertPass = { records: 0, alerts: 0 }
  let cursor = await readCursor(db)
  for (;;) {
    const page = await db.db
      .selectFrom('personLinks')
      .select(['personId', 'recordType', 'recordId', 'createdAt'])
      .where('recordType', 'in', [...REGISTRY_RECORD_TYPES])
      .$if(cursor !== undefined, (q) =>
        q.where((eb) => {
          const c = cursor as Cursor
          return eb.or([
            eb('createdAt', '>', c.at),
            eb.and([eb('createdAt', '=', c.at), eb('personId', '>', c.personId)]),
            eb.and([eb('createdAt', '=', c.at), eb('personId', '=', c.personId), eb('recordId', '>', c.recordId)]),
          ])
        }),
      )
      .orderBy('createdAt')
      .orderBy('personId')
      .orderBy('recordId')
      .limit(PAGE)
      .execute()
    if (page.length === 0) {
      return pass
    }
    const identities = await openIdentities(db.db, keyring, [...new Set(page.map((l) => l.personId))])
    await countPeople(db.db, keyring, identities)
    const population = await registryPopulation(db.db)
    for (const link of page) {
      const identity = identities.get(link.personId)
      if (identity !== undefined) {
        pass.alerts += await alertFor(db, clock, keyring, settings, { ...link, identity }, population)
      }
    }
    pass.records += page.length
    const last = page[page.length - 1]
    if (last !== undefined) {
      cursor = { at: last.createdAt, personId: last.personId, recordId: last.recordId }
      await db.db
        .insertInto('meta')
        .values({ key: CURSOR_KEY, value: JSON.stringify(cursor) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(cursor) }))
        .execute()
    }
  }
}

async function readCursor(db: Db): Promise<Cursor | undefined> {
  const row = await db.db.selectFrom('meta').select('value').where('key', '=', CURSOR_KEY).executeTakeFirst()
  return row === undefined ? undefined : (JSON.parse(row.value) as Cursor)
}

/** Compares one new registry record with the open requests that share a blocking key with it. */
async function alertFor(
  db: Db,
  clock: Clock,
  keyring: Keyring,
  settings: NoticeSettings,
  link: { personId: string; recordType: string; recordId: string; createdAt: string; identity: PersonIdentity },
  population: number,
): Promise<number> {
  const identity = link.identity
  const record = await db.db
    .selectFrom('records')
    .select(['state', 'occurredAt'])
    .where('recordType', '=', link.recordType)
    .where('recordId', '=', link.recordId)
    .executeTakeFirst()
  if (record === undefined) {
    return 0
  }
  const features = recordFeatures(identity, { recordType: link.recordType, state: record.state, occurredAt: record.occurredAt })
  if (features === undefined) {
    return 0
  }
  const sharing = await peopleSharing(db.db, matchKeys(identity).map((key) => indexDigest(keyring, 'match', key)), 500)
  const soughtLinks =
    sharing.length === 0
      ? []
      : await db.db
          .selectFrom('personLinks')
          .select(['personId', 'recordId'])
          .where('personId', 'in', sharing)
          .where('recordType', '=', 'case')
          .where('purpose', '=', 'family_tracing')
          .where('legalBasis', '=', 'vital_interest')
          .execute()
  if (soughtLinks.length === 0) {
    return 0
  }
  const cases = await db.db
    .selectFrom('records')
    .select(['recordId', 'state', 'version', 'createdAt'])
    .where('recordType', '=', 'case')
    .where('recordId', 'in', [...new Set(soughtLinks.map((l) => l.recordId))])
    .execute()
  const soughtIdentities = await openIdentities(db.db, keyring, [...new Set(soughtLinks.map((l) => l.personId))])
  const today = clock.now().toISOString().slice(0, 10)
  const queries = new Map([...soughtIdentities].map(([personId, sought]) => [personId, standardise(identityMatchInput(sought, { role: 'request' }), { today })]))
  const context = { frequencies: await frequenciesFor(db.db, keyring, [features.features, ...queries.values()], population), population }
  const candidate: RegistryRef = { recordType: link.recordType, recordId: link.recordId }
  const refKey = `${candidate.recordType}/${candidate.recordId}`
  let alerts = 0
  for (const row of cases) {
    const state = JSON.parse(row.state) as CaseState
    // A record no newer than the request was there for the request's own search to find.
    if (state.kind !== 'location_request' || state.closedAt !== undefined || link.createdAt <= row.createdAt) {
      continue
    }
    for (const [index, sought] of (state.sought ?? []).entries()) {
      const soughtIdentity = soughtIdentities.get(sought.personId)
      const trace = state.traces?.[sought.soughtId]
      if (soughtIdentity === undefined || trace?.outcome !== undefined || trace?.found?.[refKey] !== undefined || trace?.marks[refKey] !== undefined) {
        continue
      }
      const query = standardise(identityMatchInput(soughtIdentity, { role: 'request', lastSeen: sought.lastContact?.date }), { today })
      const { band, score } = compare(query, features.features, context)
      if (band === 'weak' || (band === 'possible' && score < ALERT_MIN_SCORE)) {
        continue
      }
      await raise(db, clock, settings, { recordId: row.recordId, version: Number(row.version), state, soughtId: sought.soughtId, number: index + 1, candidate, band })
      alerts += 1
    }
  }
  return alerts
}

async function raise(
  db: Db,
  clock: Clock,
  settings: NoticeSettings,
  a: { recordId: string; version: number; state: CaseState; soughtId: string; number: number; candidate: RegistryRef; band: AlertBand },
): Promise<void> {
  const now = clock.now()
  const ctx: Ctx = { db, clock, actor: SEARCH_ACTOR, requestId: 'tracing-alerts', lang: 'es' }
  const about = `${a.recordId}|${a.soughtId}|${a.candidate.recordType}/${a.candidate.recordId}`
  const id = uuidv7()
  const bodies = a.state.hops.filter((h) => h.status !== 'referred').map((h) => h.bodyId)
  await submitAction(
    ctx,
    { id, recordType: 'case', recordId: a.recordId, type: 'TraceCandidateFound', payload: { at: now.toISOString(), soughtId: a.soughtId, candidate: a.candidate, band: a.band }, baseVersion: a.version },
    {
      afterFlush: async (trx) => {
        const messages: NewMessage[] = (await recipientsIn(trx, bodies, REVIEWER_ROLES)).map((user) => ({
          key: `trace:${about}:${user.id}`,
          recipient: { kind: 'user', id: user.id },
          template: 'trace_candidate',
          lang: 'es',
          params: { folio: a.state.folio, person: String(a.number), band: a.band === 'strong' ? 'fuerte' : 'posible', link: `${settings.publicUrl?.replace(/\/$/, '') ?? ''}/app/cases/${a.recordId}` },
        }))
        await enqueue(trx, messages, now)
      },
    },
  )
}
