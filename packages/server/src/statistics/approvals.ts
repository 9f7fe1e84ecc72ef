import { v7 as uuidv7 } from 'uuid'
import { DomainError, mayApprove, message, PROBLEM_TITLES } from '@faro/core'
import { findOrgUnit, listOrgUnits } from '../accounts/org-units-repo.ts'
import { findUserById } from '../accounts/users-repo.ts'
import { audit, auditDenied } from '../log/audit.ts'
import type { Ctx } from '../log/context.ts'
import { insertApproval, insertPublications, listApprovals, listPublications, type Publication } from './approvals-repo.ts'
import { buildTables, periodOf, PROGRAMME_INFO, PROGRAMMES, type Programme, type PublishedPeriod } from './published.ts'
import { protectRevision, sameCounts } from './revision.ts'

/**
 * Approving a programme's published tables for a period. Each unit's coordinator approves its
 * unit first (a Grupo Beta's group coordinator; Paisano's national office for each state
 * committee); then the national office approves the programme (the national analyst for Grupos
 * Beta, Paisano's national office for Paisano), which freezes every protected table exactly as it
 * goes out, with the day and who: that is what the open data shows. Approving the programme
 * again, once the figures changed, publishes a revision (2, 3…), frozen in turn, after the
 * differencing check (revision.ts). Every approval is audited in its own transaction.
 */

export type ApprovalLevel = 'coordinator' | 'national'

export interface UnitApproval {
  unit: string
  name: string
  approvedBy: string | null
  /** The approver's display name, so the screen says who; null while pending or for an account gone. */
  approvedByName: string | null
  approvedAt: string | null
}

export interface PeriodApprovals {
  programme: Programme
  period: string
  from: string
  to: string
  units: UnitApproval[]
  /** The national office's publications, first to latest. */
  revisions: { revision: number; approvedBy: string; approvedByName: string | null; approvedAt: string }[]
}

/** A period's approvals for a programme: each unit's, and the national revisions. */
export async function periodApprovals(ctx: Ctx, programme: Programme, periodKey: string): Promise<PeriodApprovals> {
  const period = await requirePeriod(ctx, programme, periodKey)
  const rows = await listApprovals(ctx.db.db, programme, period.key)
  const units = await approvalUnits(ctx, programme)
  const names = new Map<string, string | null>()
  for (const id of new Set(rows.map((r) => r.approvedBy))) {
    names.set(id, (await findUserById(ctx.db.db, id))?.displayName ?? null)
  }
  return {
    programme,
    period: period.key,
    from: period.from,
    to: period.to,
    units: units.map((u) => {
      const row = rows.find((r) => r.level === 'coordinator' && r.unitId === u.id)
      return { unit: u.id, name: u.name, approvedBy: row?.approvedBy ?? null, approvedByName: row === undefined ? null : (names.get(row.approvedBy) ?? null), approvedAt: row?.approvedAt ?? null }
    }),
    revisions: rows.filter((r) => r.level === 'national').map((r) => ({ revision: r.revision, approvedBy: r.approvedBy, approvedByName: names.get(r.approvedBy) ?? null, approvedAt: r.approvedAt })),
  }
}

export interface ApprovalDone {
  programme: Programme
  period: string
  unit: string
  level: ApprovalLevel
  /** For the national level: the revision published (1 the first time). */
  revision: number
  approvedAt: string
}

/** Approves a period for a unit (a coordinator's) or for a programme's root (the national office's). */
export async function approvePeriod(ctx: Ctx, input: { period: string; unit: string }): Promise<ApprovalDone> {
  const unit = await findOrgUnit(ctx.db.db, input.unit)
  const programme = PROGRAMMES.find((p) => PROGRAMME_INFO[p].unitId === input.unit) ?? PROGRAMMES.find((p) => unit?.parentId === PROGRAMME_INFO[p].unitId && PROGRAMME_INFO[p].approvalKinds.includes(unit.kind))
  if (unit === undefined || programme === undefined) {
    throw invalid(ctx, 'unit', 'not_approval_unit', message('faro.not_approval_unit', ctx.lang))
  }
  const level: ApprovalLevel = PROGRAMME_INFO[programme].unitId === unit.id ? 'national' : 'coordinator'
  const period = await requirePeriod(ctx, programme, input.period)
  if (!mayApprove(ctx.actor, programme, level, { orgUnitPath: unit.path })) {
    await auditDenied(ctx, { action: 'statistics.approve', recordType: 'statistics', recordId: `${programme}/${period.key}/${unit.id}` })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  const approvedAt = ctx.clock.now().toISOString()
  const subject = { action: 'statistics.approve', recordType: 'statistics', recordId: `${programme}/${period.key}/${unit.id}`, decision: 'allowed' as const }
  if (level === 'coordinator') {
    return ctx.db.db.transaction().execute(async (trx) => {
      const done = await listApprovals(trx, programme, period.key)
      if (done.some((r) => r.level === 'coordinator' && r.unitId === unit.id)) {
        throw new DomainError('conflict', message('faro.already_approved', ctx.lang), { reason: 'already_approved' })
      }
      await insertApproval(trx, { id: uuidv7(), programme, period: period.key, unitId: unit.id, level, revision: 0, approvedBy: ctx.actor.userId, approvedAt })
      await audit(trx, ctx, subject)
      return { programme, period: period.key, unit: unit.id, level, revision: 0, approvedAt }
    })
  }
  const pending = (await periodApprovals(ctx, programme, period.key)).units.filter((u) => u.approvedAt === null)
  if (pending.length > 0) {
    throw new DomainError('conflict', message('faro.approval_out_of_order', ctx.lang, { count: pending.length }), { reason: 'approval_out_of_order' })
  }
  const tables = await nextPublication(ctx, programme, period, approvedAt)
  return ctx.db.db.transaction().execute(async (trx) => {
    const revision = tables[0]?.revision ?? 1
    const latest = Math.max(0, ...(await listApprovals(trx, programme, period.key)).filter((r) => r.level === 'national').map((r) => r.revision))
    if (latest !== revision - 1) {
      // Another approval published meanwhile: ask again on the new figures.
      throw new DomainError('conflict', message('faro.already_approved', ctx.lang), { reason: 'already_approved' })
    }
    await insertApproval(trx, { id: uuidv7(), programme, period: period.key, unitId: unit.id, level, revision, approvedBy: ctx.actor.userId, approvedAt })
    await insertPublications(trx, tables)
    await audit(trx, ctx, subject)
    return { programme, period: period.key, unit: unit.id, level, revision, approvedAt }
  })
}

/**
 * The tables the national approval freezes: the first publication, or a revision when any
 * table's counts changed since the latest (the unchanged ones go out again as they were).
 */
async function nextPublication(ctx: Ctx, programme: Programme, period: PublishedPeriod, at: string): Promise<Publication[]> {
  const built = await buildTables(ctx.db.db, programme, period)
  const frozen = await listPublications(ctx.db.db, programme, period.key)
  const revision = Math.max(0, ...frozen.map((p) => p.revision)) + 1
  const row = (tableId: string, k: number, shown: Publication['shown'], counts: Publication['counts']): Publication => ({ programme, period: period.key, tableId, revision, k, shown, counts, approvedBy: ctx.actor.userId, publishedAt: at })
  if (revision === 1) {
    return built.map((t) => row(t.def.id, t.def.k, t.protected, t.counts))
  }
  const out: Publication[] = []
  const refused: string[] = []
  let changed = false
  for (const t of built) {
    const before = frozen.filter((p) => p.tableId === t.def.id).at(-1)
    if (before === undefined) {
      out.push(row(t.def.id, t.def.k, t.protected, t.counts))
      changed = true
      continue
    }
    if (sameCounts(before.counts, t.counts)) {
      out.push(row(t.def.id, before.k, before.shown, before.counts))
      continue
    }
    changed = true
    const revised = await protectRevision(before.shown, t.counts, t.def.k)
    if (revised.ok) {
      out.push(row(t.def.id, t.def.k, revised.table, { rows: revised.table.rows, cols: revised.table.cols, cells: revised.table.rows.map((r) => revised.table.cols.map((c) => t.counts.cells[t.counts.rows.indexOf(r)]?.[t.counts.cols.indexOf(c)] ?? 0)) }))
    } else {
      refused.push(t.def.title[ctx.lang === 'en' ? 'en' : 'es'])
    }
  }
  if (!changed) {
    throw new DomainError('conflict', message('faro.revision_unchanged', ctx.lang), { reason: 'revision_unchanged' })
  }
  if (refused.length > 0) {
    throw new DomainError('conflict', message('faro.revision_discloses', ctx.lang, { tables: refused.join('; ') }), { reason: 'revision_discloses' })
  }
  return out
}

/** The units whose coordinators approve a programme's period, by name. */
async function approvalUnits(ctx: Ctx, programme: Programme) {
  const info = PROGRAMME_INFO[programme]
  return (await listOrgUnits(ctx.db.db)).filter((u) => u.parentId === info.unitId && info.approvalKinds.includes(u.kind)).sort((a, b) => a.name.localeCompare(b.name, 'es'))
}

async function requirePeriod(ctx: Ctx, programme: Programme, key: string): Promise<PublishedPeriod> {
  const period = await periodOf(ctx.db.db, programme, key)
  if (period === undefined) {
    throw invalid(ctx, 'period', 'unknown_period', message('faro.unknown_period', ctx.lang))
  }
  return period
}

function invalid(ctx: Ctx, field: string, code: string, text: string): DomainError {
  return new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field, code, message: text }] })
}
