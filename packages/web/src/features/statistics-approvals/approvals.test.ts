import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { translate, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import type { OperationItem } from '../statistics/types.ts'
import { conflictMessage, defaultPeriod, defaultProgramme, mayApproveUnit, nationalState, periodOptions, progressWords, revisionWords, unitsInOrder, unitStateWords, type Approver, type UnitApproval } from './approvals.ts'

const es = (key: MessageKey, values?: MessageValues) => translate('es', key, values)
const en = (key: MessageKey, values?: MessageValues) => translate('en', key, values)

const PATHS = new Map<string, readonly string[]>([
  ['beta', ['inm', 'beta']],
  ['beta-tijuana', ['inm', 'beta', 'beta-tijuana']],
  ['beta-nogales', ['inm', 'beta', 'beta-nogales']],
  ['paisano', ['inm', 'paisano']],
  ['paisano-sonora', ['inm', 'paisano', 'paisano-sonora']],
])

const tijuanaCoordinator: Approver = { userId: 'u-tij', role: 'group_coordinator', orgUnitId: 'beta-tijuana' }
const betaCoordinator: Approver = { userId: 'u-beta', role: 'group_coordinator', orgUnitId: 'beta' }
const analyst: Approver = { userId: 'u-an', role: 'national_analyst', orgUnitId: 'inm' }
const paisanoOffice: Approver = { userId: 'u-pai', role: 'paisano_coordinator', orgUnitId: 'paisano' }
const fieldAgent: Approver = { userId: 'u-ag', role: 'field_agent', orgUnitId: 'beta-tijuana' }

const pending = (unit: string, name: string): UnitApproval => ({ unit, name, approvedBy: null, approvedAt: null })
const approved = (unit: string, name: string, by: string): UnitApproval => ({ unit, name, approvedBy: by, approvedAt: '2026-12-05T16:20:00.000Z' })

function operation(recordId: string, kind: string, name: string, startsOn: string, endsOn: string): OperationItem {
  return { recordId, kind, name, startsOn, endsOn, status: 'ended' }
}

describe('who may approve what', () => {
  it('lets a group coordinator approve their own group, and no other', () => {
    expect(mayApproveUnit(tijuanaCoordinator, 'beta', 'beta-tijuana', PATHS)).toBe(true)
    expect(mayApproveUnit(tijuanaCoordinator, 'beta', 'beta-nogales', PATHS)).toBe(false)
  })

  it('lets the national coordination of the groups approve every group, but not publish', () => {
    expect(mayApproveUnit(betaCoordinator, 'beta', 'beta-nogales', PATHS)).toBe(true)
    expect(mayApproveUnit(betaCoordinator, 'beta', 'beta', PATHS)).toBe(false)
  })

  it('leaves the groups to their coordinators and the publication to the national analyst', () => {
    expect(mayApproveUnit(analyst, 'beta', 'beta-tijuana', PATHS)).toBe(false)
    expect(mayApproveUnit(analyst, 'beta', 'beta', PATHS)).toBe(true)
    expect(mayApproveUnit(analyst, 'paisano', 'paisano', PATHS)).toBe(false)
  })

  it('lets Paisano\'s national office approve its state committees and its programme', () => {
    expect(mayApproveUnit(paisanoOffice, 'paisano', 'paisano-sonora', PATHS)).toBe(true)
    expect(mayApproveUnit(paisanoOffice, 'paisano', 'paisano', PATHS)).toBe(true)
    expect(mayApproveUnit(paisanoOffice, 'beta', 'beta-tijuana', PATHS)).toBe(false)
  })

  it('lists the units the account may approve first, the others after in their order', () => {
    const units = [pending('beta-nogales', 'Nogales'), pending('beta-tijuana', 'Tijuana'), pending('beta-unknown', 'Otro')]
    expect(unitsInOrder(tijuanaCoordinator, 'beta', units, PATHS).map((u) => u.unit)).toEqual(['beta-tijuana', 'beta-nogales', 'beta-unknown'])
    expect(unitsInOrder(analyst, 'beta', units, PATHS).map((u) => u.unit)).toEqual(['beta-nogales', 'beta-tijuana', 'beta-unknown'])
  })

  it('offers nothing to a role that only reads, or on a unit whose place is unknown', () => {
    expect(mayApproveUnit(fieldAgent, 'beta', 'beta-tijuana', PATHS)).toBe(false)
    expect(mayApproveUnit(tijuanaCoordinator, 'beta', 'beta-unknown', PATHS)).toBe(false)
  })
})

describe('the programme and the period', () => {
  it('opens Paisano\'s offices on Paisano and everyone else on Grupos Beta', () => {
    expect(defaultProgramme(['inm', 'paisano'])).toBe('paisano')
    expect(defaultProgramme(['inm', 'beta', 'beta-tijuana'])).toBe('beta')
    expect(defaultProgramme(['inm'])).toBe('beta')
  })

  it('offers Grupos Beta\'s years, newest first, and opens on the last complete one', () => {
    expect(periodOptions('beta', '2026-12-05', []).map((o) => o.key)).toEqual(['2026', '2025', '2024', '2023', '2022', '2021'])
    expect(defaultPeriod('beta', '2026-12-05', [])).toBe('2025')
  })

  it('offers Paisano\'s operations by name, never the groups\' special ones, and opens on the latest ended', () => {
    const ops = [
      operation('op-w26', 'winter', 'Operativo Invierno 2026', '2026-11-15', '2027-01-08'),
      operation('op-s26', 'summer', 'Operativo Verano 2026', '2026-06-15', '2026-08-20'),
      operation('op-x', 'special', 'Operativo especial de lluvias', '2026-09-01', '2026-09-10'),
    ]
    expect(periodOptions('paisano', '2026-12-05', ops)).toEqual([
      { key: 'winter-2026', name: 'Operativo Invierno 2026' },
      { key: 'summer-2026', name: 'Operativo Verano 2026' },
    ])
    expect(defaultPeriod('paisano', '2026-12-05', ops)).toBe('summer-2026')
  })
})

describe('the state in words', () => {
  it('says a unit is pending, or who approved it and on what day', () => {
    expect(unitStateWords(es, 'es', pending('beta-tijuana', 'Grupo Beta Tijuana'), 'u-tij')).toBe('Aún sin aprobar.')
    expect(unitStateWords(es, 'es', approved('beta-tijuana', 'Grupo Beta Tijuana', 'u-tij'), 'u-tij')).toBe('Aprobado por usted el 5 dic 2026.')
    expect(unitStateWords(es, 'es', { ...approved('beta-tijuana', 'Grupo Beta Tijuana', 'u-x'), approvedByName: 'Coordinación (demo), Tijuana' }, 'u-tij')).toBe('Aprobado por Coordinación (demo), Tijuana el 5 dic 2026.')
    expect(unitStateWords(en, 'en', approved('beta-tijuana', 'Grupo Beta Tijuana', 'u-x'), 'u-tij')).toBe('Approved on Dec 5, 2026.')
  })

  it('counts the approved units in the plural their number needs', () => {
    const units = [approved('a', 'A', 'u'), approved('b', 'B', 'u'), approved('c', 'C', 'u'), ...Array.from({ length: 19 }, (_, i) => pending(`p${i}`, `P${i}`))]
    expect(progressWords(es, 'es', 'beta', units)).toBe('3 de 22 grupos aprobados')
    expect(progressWords(es, 'es', 'paisano', [pending('s', 'Sonora')])).toBe('0 de 1 comité estatal aprobado')
    expect(progressWords(en, 'en', 'beta', units)).toBe('3 of 22 groups approved')
  })

  it('waits for every unit before the national approval, then names the latest publication', () => {
    const one = { units: [approved('a', 'A', 'u'), pending('b', 'B')], revisions: [] }
    expect(nationalState(one)).toEqual({ kind: 'waiting', pending: 1 })
    expect(es('statsApproval.waiting.beta', { count: 1 })).toMatch(/^Falta 1 grupo por aprobar/)
    expect(es('statsApproval.waiting.beta', { count: 19 })).toMatch(/^Faltan 19 grupos por aprobar/)
    expect(nationalState({ units: [approved('a', 'A', 'u')], revisions: [] })).toEqual({ kind: 'ready' })
    const second = { revision: 2, approvedBy: 'u-an', approvedAt: '2026-03-02T10:00:00.000Z' }
    const revisions = [{ revision: 1, approvedBy: 'u-an', approvedByName: 'Análisis nacional (demo)', approvedAt: '2026-01-10T10:00:00.000Z' }, second]
    expect(nationalState({ units: [approved('a', 'A', 'u')], revisions })).toEqual({ kind: 'published', revision: 2, approvedAt: '2026-03-02T10:00:00.000Z' })
    expect(revisionWords(es, 'es', second, 'u-an')).toBe('Revisión 2, publicada el 2 mar 2026 por usted.')
    expect(revisionWords(en, 'en', { ...second, approvedByName: 'Análisis nacional (demo)' }, 'u-x')).toBe('Revision 2, published on Mar 2, 2026 by Análisis nacional (demo).')
  })
})

describe('the API\'s refusals', () => {
  const conflict = (reason: string) => new ApiError(409, { type: `/problems/conflict`, title: 'Conflicto', status: 409, reason })

  it('reads each conflict of the approval as a sentence of the catalogs, never its code', () => {
    for (const reason of ['approval_out_of_order', 'already_approved', 'revision_unchanged', 'revision_discloses']) {
      const key = conflictMessage(conflict(reason))
      expect(key).toBeDefined()
      expect(es(key ?? 'app.genericError')).not.toContain(reason)
    }
    expect(es(conflictMessage(conflict('revision_discloses')) ?? 'app.genericError')).toMatch(/demasiado pequeño.*identificar.*más registros/)
  })

  it('leaves any other failure to the server\'s own sentence', () => {
    expect(conflictMessage(conflict('something_else'))).toBeUndefined()
    expect(conflictMessage(new ApiError(403, undefined))).toBeUndefined()
    expect(conflictMessage(new Error('boom'))).toBeUndefined()
  })
})
