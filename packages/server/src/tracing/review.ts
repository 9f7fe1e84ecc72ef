import { decide, DomainError, PROBLEM_TITLES, type CaseState, type PersonIdentity, type ReviewCandidate, type ReviewedIdentity, type TraceReview } from '@faro/core'
import { findOrgUnit, findOrgUnits } from '../accounts/org-units-repo.ts'
import { audit } from '../log/audit.ts'
import { inTransaction, type Ctx } from '../log/context.ts'
import { findRecord, policyTargetOf } from '../log/records-repo.ts'
import type { Keyring } from '../protection/keyring.ts'
import { worksOnSearch } from '../cases/cases.ts'
import { openIdentities, registryPopulation, searchRegistry } from './registry-search.ts'

/** Candidates shown per sought person, besides those a reviewer already marked or the search flagged. */
const SHOWN = 10
/** Candidates scored per sought person, to find the marked ones below the first ten. */
const SCORED = 50

/**
 * A location request as its reviewer sees it: each sought person with the registry's candidates,
 * best first, each explained. Allowed to the body the request was sent to, the national office and
 * the filing consulate (`trace.review`); a consulate sees candidates of its own nationality only.
 * Each view is audited, as a reveal of the people shown, on the basis of vital interest.
 */
export async function reviewRequest(ctx: Ctx, keyring: Keyring, recordId: string): Promise<TraceReview> {
  const row = await findRecord(ctx.db.db, ctx.db.dialect, 'case', recordId)
  const target = row === undefined ? undefined : policyTargetOf(row)
  if (row === undefined || target === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  const state = JSON.parse(row.state) as CaseState
  if (state.kind !== 'location_request' || !decide(ctx.actor, 'case.read', target).allowed || !decide(ctx.actor, 'trace.review', target).allowed) {
    await inTransaction(ctx, (trx) => audit(trx, ctx, { action: 'trace.review', recordType: 'case', recordId, decision: 'denied' }))
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  const own = await findOrgUnit(ctx.db.db, ctx.actor.orgUnitId)
  const nationality = own?.kind === 'consulate' ? own.code : undefined
  // A filer that does not work on the search (a consulate) sees candidates while a person is
  // sought, never the search's marks or how it ended: that it hears through the answers.
  const works = worksOnSearch(ctx, state)
  const sought = state.sought ?? []
  const soughtIdentities = await openIdentities(ctx.db.db, keyring, sought.map((s) => s.personId))
  const today = ctx.clock.now().toISOString().slice(0, 10)
  const population = await registryPopulation(ctx.db.db)
  const items: TraceReview['items'] = []
  const units = new Map<string, string>()
  for (const [index, person] of sought.entries()) {
    const identity = soughtIdentities.get(person.personId)
    const trace = state.traces?.[person.soughtId]
    const settled = !works && trace?.outcome !== undefined
    const found = identity === undefined || settled ? [] : await searchRegistry(ctx.db.db, keyring, { identity, lastSeen: person.lastContact?.date }, { limit: SCORED, nationality, today, population })
    const keyOf = (c: { ref: { recordType: string; recordId: string } }) => `${c.ref.recordType}/${c.ref.recordId}`
    const shown = found.filter((c, rank) => rank < SHOWN || (works && (trace?.marks[keyOf(c)] !== undefined || trace?.found?.[keyOf(c)] !== undefined)))
    const missing = shown.map((c) => c.orgUnitId).filter((id) => !units.has(id))
    for (const unit of await findOrgUnits(ctx.db.db, [...new Set(missing)])) {
      units.set(unit.id, unit.name)
    }
    const records = await recordsOf(ctx, shown)
    items.push({
      soughtId: person.soughtId,
      number: index + 1,
      identity: identity === undefined ? null : { ...reviewed(identity), ...(identity.physical ? { physical: identity.physical } : {}) },
      ...(trace?.outcome && works ? { outcome: trace.outcome } : {}),
      candidates: shown.map((c): ReviewCandidate => {
        const key = keyOf(c)
        const mark = works ? trace?.marks[key]?.mark : undefined
        const alert = works ? trace?.found?.[key]?.band : undefined
        const record = records.get(key)
        return {
          recordType: c.ref.recordType,
          recordId: c.ref.recordId,
          kind: c.kind,
          occurredAt: c.occurredAt,
          unitName: units.get(c.orgUnitId) ?? c.orgUnitId,
          ...(record?.source ? { source: record.source } : {}),
          band: c.comparison.band,
          score: Math.round(c.comparison.score * 10) / 10,
          identity: reviewed(c.identity),
          contributions: c.comparison.contributions.map((x) => ({ field: x.field, level: x.level, bits: Math.round(x.bits * 10) / 10 })),
          alias: c.comparison.alias,
          ...(mark ? { mark } : {}),
          ...(alert ? { alert } : {}),
          canOpen: record !== undefined && decide(ctx.actor, `${c.ref.recordType as 'attention'}.read`, record.target).allowed,
        }
      }),
    })
  }
  await inTransaction(ctx, (trx) => audit(trx, ctx, { action: 'trace.review', recordType: 'case', recordId, decision: 'allowed' }))
  return { items, registrySize: population, ...(nationality ? { nationality } : {}) }
}

/** The compared fields of an identity, for the reviewer. */
function reviewed(identity: PersonIdentity): ReviewedIdentity {
  const { givenNames, firstSurname, secondSurname, fullName, aliases, sex, birthDate, approximateAge, nationality } = identity
  return Object.fromEntries(Object.entries({ givenNames, firstSurname, secondSurname, fullName, aliases, sex, birthDate, approximateAge, nationality }).filter(([, v]) => v !== undefined)) as ReviewedIdentity
}

/** Who may open each candidate's record (its policy target), and a list entry's source. */
async function recordsOf(ctx: Ctx, candidates: readonly { ref: { recordType: string; recordId: string } }[]) {
  const out = new Map<string, { target: ReturnType<typeof policyTargetOf>; source?: string }>()
  for (const c of candidates) {
    const row = await findRecord(ctx.db.db, ctx.db.dialect, c.ref.recordType, c.ref.recordId)
    if (row !== undefined) {
      const state = JSON.parse(row.state) as { source?: unknown }
      out.set(`${c.ref.recordType}/${c.ref.recordId}`, { target: policyTargetOf(row), ...(typeof state.source === 'string' ? { source: state.source } : {}) })
    }
  }
  return out
}
