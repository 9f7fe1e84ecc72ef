import { v7 as uuidv7 } from 'uuid'
import {
  checkDisclosure,
  decide,
  DomainError,
  fieldSetsOf,
  message,
  pickFields,
  presentFields,
  PROBLEM_TITLES,
  scopesOf,
  scopeCovers,
  type CreatePersonInput,
  type FieldSet,
  type MaskedPerson,
  type PersonIdentity,
  type PersonLinkInput,
  type Purpose,
} from '@faro/core'
import { decodePath, encodePath } from '../../db/dialect.ts'
import { findOrgUnit } from '../../accounts/org-units-repo.ts'
import { findPeople, insertLinks, insertPerson, linksOf, matchNameIndex, replaceNameIndex, type PersonRow } from './people-repo.ts'
import { findRecord } from '../../log/records-repo.ts'
import { consentsOf, insertDisclosure, opposedPurposes, toConsent } from './consents-repo.ts'
import { policyTargetOf } from '../../log/records-repo.ts'
import { audit, auditDenied } from '../../log/audit.ts'
import { inTransaction, type Ctx, type Executor } from '../../log/context.ts'
import { personFor, requireAction } from '../guard.ts'
import { invalidField as invalid } from '../../accounts/accounts.ts'
import type { ProtectionDeps } from '../settings.ts'
import { decryptIdentity, encryptNew, indexEntries, searchDigests } from './vault.ts'

/** Stores an identity in the vault (and links it to a record when asked); answers masked. */
export async function createPerson(ctx: Ctx, p: ProtectionDeps, input: CreatePersonInput): Promise<MaskedPerson> {
  const unit = await findOrgUnit(ctx.db.db, input.orgUnitId)
  if (unit === undefined) {
    throw invalid(ctx, 'orgUnitId', 'unknown_org_unit', 'faro.unknown_org_unit')
  }
  if (!decide(ctx.actor, 'person.create', { orgUnitPath: unit.path, ownerId: ctx.actor.userId }).allowed) {
    await auditDenied(ctx, { action: 'person.create', recordType: 'person' })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  const id = uuidv7()
  const now = ctx.clock.now().toISOString()
  const sealed = encryptNew(p.keyring, id, input.identity)
  await inTransaction(ctx, async (trx) => {
    await insertPerson(
      trx,
      { id, orgUnitId: unit.id, orgUnitPath: encodePath(unit.path), status: 'active', ciphertext: sealed.ciphertext, presentFields: JSON.stringify(presentFields(input.identity)), createdBy: ctx.actor.userId, createdAt: now, updatedAt: now },
      { wrappedKey: sealed.wrappedKey, keyVersion: p.keyring.version },
    )
    await replaceNameIndex(trx, id, indexEntries(p.keyring, input.identity))
    if (input.link) {
      await addLink(trx, ctx, id, input.link)
    }
    await audit(trx, ctx, { action: 'person.create', recordType: 'person', recordId: id, decision: 'allowed' })
  })
  return readPerson(ctx, id, { audited: false })
}

/** Links a person to a record the caller may read, on a stated legal basis and purpose. */
export async function linkPerson(ctx: Ctx, personId: string, link: PersonLinkInput): Promise<MaskedPerson> {
  await inTransaction(ctx, async (trx) => {
    const person = await personFor(ctx, trx, 'person.create', personId)
    if (person.status !== 'active') {
      throw new DomainError('conflict', message('faro.person_blocked', ctx.lang), { reason: 'person_blocked' })
    }
    await addLink(trx, ctx, personId, link)
    await audit(trx, ctx, { action: 'person.link', recordType: 'person', recordId: personId, decision: 'allowed' })
  })
  return readPerson(ctx, personId, { audited: false })
}

async function addLink(trx: Executor, ctx: Ctx, personId: string, link: PersonLinkInput): Promise<void> {
  const record = await findRecord(trx, ctx.db.dialect, link.recordType, link.recordId)
  if (record === undefined || !decide(ctx.actor, `${record.recordType}.read` as 'attention.read', policyTargetOf(record)).allowed) {
    throw invalid(ctx, 'link.recordId', 'unknown_record', 'faro.unknown_record')
  }
  await insertLinks(trx, [{ personId, recordType: link.recordType, recordId: link.recordId, legalBasis: link.legalBasis, purpose: link.purpose, createdBy: ctx.actor.userId, createdAt: ctx.clock.now().toISOString() }])
}

/** The masked view: which fields are filled and the links, never a value. Reading is audited. */
export async function readPerson(ctx: Ctx, personId: string, opts: { audited?: boolean } = {}): Promise<MaskedPerson> {
  const person = await personFor(ctx, ctx.db.db, 'person.read', personId, { allowShredded: true })
  if (opts.audited !== false) {
    await inTransaction(ctx, (trx) => audit(trx, ctx, { action: 'person.read', recordType: 'person', recordId: personId, decision: 'allowed' }))
  }
  return masked(person, await linksOf(ctx.db.db, personId))
}

/** Finds people by name or phone through keyed hashes only; best matches first, masked. */
export async function searchPeople(ctx: Ctx, p: ProtectionDeps, q: { name?: string | undefined; phone?: string | undefined }): Promise<MaskedPerson[]> {
  const scopes = scopesOf(ctx.actor.role, 'person.read')
  requireAction(ctx, 'person.read', scopes)
  const weights: Record<string, number> = { token: 2, phonetic: 1, phone: 3 }
  const score = new Map<string, number>()
  for (const hit of await matchNameIndex(ctx.db.db, searchDigests(p.keyring, q))) {
    score.set(hit.personId, (score.get(hit.personId) ?? 0) + Number(hit.hits) * (weights[hit.kind] ?? 1))
  }
  const people = (await findPeople(ctx.db.db, [...score.keys()])).filter(
    (person) => person.status !== 'shredded' && scopes.some((s) => scopeCovers(s, ctx.actor, { orgUnitPath: decodePath(person.orgUnitPath), ownerId: person.createdBy })),
  )
  people.sort((a, b) => (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0))
  const top = people.slice(0, 20)
  await inTransaction(ctx, (trx) => audit(trx, ctx, { action: 'person.search', recordType: 'person', decision: 'allowed' }))
  return Promise.all(top.map(async (person) => masked(person, await linksOf(ctx.db.db, person.id))))
}

/**
 * Shows identity on the caller's screen: only the field sets the role may see, only when the
 * disclosure check allows it; the disclosure and its audit row are written either way.
 */
export async function revealPerson(ctx: Ctx, p: ProtectionDeps, personId: string, purpose: Purpose): Promise<{ fieldSets: FieldSet[]; identity: Partial<PersonIdentity>; rule: string }> {
  const person = await personFor(ctx, ctx.db.db, 'person.reveal', personId)
  const fieldSets = fieldSetsOf(ctx.actor.role).filter((s) => s !== 'counts')
  const identity = await decryptIdentity(ctx.db.db, p.keyring, person)
  const answer = checkDisclosure({
    channel: 'screen',
    purpose,
    // A screen of our own staff is decided by need to know, not by a basis for sharing.
    legalBasis: 'consent',
    person: { status: identity === undefined ? 'shredded' : person.status === 'blocked' ? 'blocked' : 'active', nationality: identity?.nationality, opposedPurposes: await opposedPurposes(ctx.db.db, personId) },
    consents: (await consentsOf(ctx.db.db, personId)).map(toConsent),
    now: ctx.clock.now(),
  })
  const allowed = answer.allow && identity !== undefined && fieldSets.length > 0
  await inTransaction(ctx, async (trx) => {
    await insertDisclosure(trx, { id: uuidv7(), personId, channel: 'screen', recipientClass: null, recipientName: null, recipientCountry: null, purpose, legalBasis: 'internal', legalReference: null, fieldSets: JSON.stringify(fieldSets), allowed: allowed ? 1 : 0, rule: fieldSets.length === 0 ? 'no_field_access' : answer.rule, actorId: ctx.actor.userId, at: ctx.clock.now().toISOString() })
    await audit(trx, ctx, { action: 'person.reveal', recordType: 'person', recordId: personId, decision: allowed ? 'allowed' : 'denied' })
  })
  if (!allowed || identity === undefined) {
    throw new DomainError('forbidden', message('faro.disclosure_denied', ctx.lang, { rule: answer.rule }), { reason: answer.rule })
  }
  return { fieldSets, identity: pickFields(identity, fieldSets), rule: answer.rule }
}

export function masked(person: PersonRow, links: readonly { recordType: string; recordId: string; legalBasis: string; purpose: string }[]): MaskedPerson {
  return {
    id: person.id,
    orgUnitId: person.orgUnitId,
    status: person.status as MaskedPerson['status'],
    createdAt: person.createdAt,
    present: JSON.parse(person.presentFields) as string[],
    links: links.map((l) => ({ recordType: l.recordType, recordId: l.recordId, legalBasis: l.legalBasis as MaskedPerson['links'][number]['legalBasis'], purpose: l.purpose as Purpose })),
  }
}
