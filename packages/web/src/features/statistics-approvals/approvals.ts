import { mayApprove, type Lang, type Role } from '@faro/core'
import { ApiError } from '../../api/client.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import type { OperationItem } from '../statistics/types.ts'
import { dayName, formatCount, type T } from '../statistics/words.ts'

/**
 * The approval of the open data as the screen reads it (GET and POST /api/statistics/approvals):
 * which periods a programme approves, who may press "Aprobar" on which unit (core's `mayApprove`,
 * the rule the server applies, so no button leads to a 403), each unit's state and the national
 * office's in words, and the API's refusals as sentences.
 */

export const PROGRAMMES = ['beta', 'paisano'] as const
export type Programme = (typeof PROGRAMMES)[number]

/** One unit of a period: who approved it and when, both null while pending. */
export interface UnitApproval {
  unit: string
  name: string
  approvedBy: string | null
  /** The approver's display name, when the server gives it. */
  approvedByName?: string | null
  approvedAt: string | null
}

/** GET /api/statistics/approvals. */
export interface PeriodApprovals {
  programme: Programme
  period: string
  from: string
  to: string
  units: UnitApproval[]
  /** The national publications, first to latest. */
  revisions: { revision: number; approvedBy: string; approvedByName?: string | null; approvedAt: string }[]
}

/** The signed-in account as the approval rule needs it. */
export interface Approver {
  userId: string
  role: Role
  orgUnitId: string
}

/** A period of the picker: its key in the API (`2026`, `winter-2026`) and its name. */
export interface PeriodOption {
  key: string
  name: string
}

/** How many years back the picker offers Grupos Beta. */
const YEARS_BACK = 5

/** The programme a screen opens on: Paisano's offices their own, everyone else Grupos Beta. */
export function defaultProgramme(homePath: readonly string[]): Programme {
  return homePath.includes('paisano') ? 'paisano' : 'beta'
}

/** An operation's period key, as the server names it: its kind and the year it starts. */
export function operationKey(o: Pick<OperationItem, 'kind' | 'startsOn'>): string {
  return `${o.kind}-${o.startsOn.slice(0, 4)}`
}

/**
 * The periods a programme approves, newest first: Grupos Beta's years (this one and five back),
 * Paisano's operations by name (special operations are the groups' and publish nothing).
 */
export function periodOptions(programme: Programme, today: string, operations: readonly OperationItem[]): PeriodOption[] {
  if (programme === 'beta') {
    const year = Number(today.slice(0, 4))
    return Array.from({ length: YEARS_BACK + 1 }, (_, i) => String(year - i)).map((key) => ({ key, name: key }))
  }
  const seen = new Set<string>()
  return [...operations]
    .filter((o) => o.kind !== 'special')
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
    .flatMap((o) => {
      const key = operationKey(o)
      if (seen.has(key)) {
        return []
      }
      seen.add(key)
      return [{ key, name: o.name }]
    })
}

/**
 * The period a screen opens on: Grupos Beta's last complete year, Paisano's latest operation that
 * has ended (the ones to approve), else the newest offered.
 */
export function defaultPeriod(programme: Programme, today: string, operations: readonly OperationItem[]): string {
  if (programme === 'beta') {
    return String(Number(today.slice(0, 4)) - 1)
  }
  const ended = [...operations].filter((o) => o.kind !== 'special' && o.endsOn < today).sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0]
  return ended !== undefined ? operationKey(ended) : (periodOptions(programme, today, operations)[0]?.key ?? '')
}

/**
 * Whether the account may approve a unit of the period: the programme's own unit (`beta`,
 * `paisano`) at the national level, any other at its coordinator's, by core's rule. A unit whose
 * place in the tree is unknown is not offered.
 */
export function mayApproveUnit(actor: Approver, programme: Programme, unit: string, paths: ReadonlyMap<string, readonly string[]>): boolean {
  const path = paths.get(unit)
  if (path === undefined) {
    return false
  }
  return mayApprove(actor, programme, unit === programme ? 'national' : 'coordinator', { orgUnitPath: path })
}

/**
 * The units in the order the screen lists them: those the account may approve first (a group's
 * coordinator finds their group at the top of twenty-two), then the others, each in the API's order.
 */
export function unitsInOrder(actor: Approver, programme: Programme, units: readonly UnitApproval[], paths: ReadonlyMap<string, readonly string[]>): UnitApproval[] {
  const mine = units.filter((u) => mayApproveUnit(actor, programme, u.unit, paths))
  return [...mine, ...units.filter((u) => !mine.includes(u))]
}

/** Where the national approval stands. */
export type NationalState = { kind: 'waiting'; pending: number } | { kind: 'ready' } | { kind: 'published'; revision: number; approvedAt: string }

export function nationalState(a: Pick<PeriodApprovals, 'units' | 'revisions'>): NationalState {
  const latest = a.revisions.at(-1)
  if (latest !== undefined) {
    return { kind: 'published', revision: latest.revision, approvedAt: latest.approvedAt }
  }
  const pending = a.units.filter((u) => u.approvedAt === null).length
  return pending > 0 ? { kind: 'waiting', pending } : { kind: 'ready' }
}

/** A moment of the API (ISO) as its day in words: "5 dic 2026". */
export function approvalDay(lang: Lang, at: string): string {
  return dayName(lang, at.slice(0, 10))
}

/** Who approved: their name when the server gives it, "usted" for the account itself. */
function approverName(t: T, by: string, name: string | null | undefined, me: string): string | undefined {
  if (by === me) {
    return t('statsApproval.by.you')
  }
  return name ?? undefined
}

/** A unit's state in words: "Pendiente", "Aprobado por usted el 5 dic 2026", "Aprobado el 5 dic 2026". */
export function unitStateWords(t: T, lang: Lang, u: UnitApproval, me: string): string {
  if (u.approvedBy === null || u.approvedAt === null) {
    return t('statsApproval.state.pending')
  }
  const day = approvalDay(lang, u.approvedAt)
  const who = approverName(t, u.approvedBy, u.approvedByName, me)
  return who === undefined ? t('statsApproval.state.approved', { day }) : t('statsApproval.state.approvedBy', { who, day })
}

/** A national publication in words: "Revisión 2, publicada el 5 dic 2026 por usted". */
export function revisionWords(t: T, lang: Lang, r: PeriodApprovals['revisions'][number], me: string): string {
  const day = approvalDay(lang, r.approvedAt)
  const who = approverName(t, r.approvedBy, r.approvedByName, me)
  return who === undefined ? t('statsApproval.revision', { revision: r.revision, day }) : t('statsApproval.revisionBy', { revision: r.revision, day, who })
}

/** How far the units are: "3 de 22 grupos aprobados", "1 de 32 comités estatales aprobados". */
export function progressWords(t: T, lang: Lang, programme: Programme, units: readonly UnitApproval[]): string {
  const approved = units.filter((u) => u.approvedAt !== null).length
  return t(`statsApproval.progress.${programme}`, { approved: formatCount(lang, approved), count: units.length })
}

/** The catalog's sentence for a 409 of the approval API, undefined for any other failure. */
export function conflictMessage(error: unknown): MessageKey | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) {
    return undefined
  }
  switch (error.problem?.reason) {
    case 'approval_out_of_order':
      return 'statsApproval.error.approval_out_of_order'
    case 'already_approved':
      return 'statsApproval.error.already_approved'
    case 'revision_unchanged':
      return 'statsApproval.error.revision_unchanged'
    case 'revision_discloses':
      return 'statsApproval.error.revision_discloses'
    default:
      return undefined
  }
}
