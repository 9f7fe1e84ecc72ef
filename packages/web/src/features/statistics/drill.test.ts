import { describe, expect, it } from 'vitest'
import { breakdownsFor, byOf, crumbsOf, drillInto, pageRows, pageTotal, placeLevel, placeOf, withBefore, type TreeUnit } from './drill.ts'
import { readSearch, writeSearch } from './page-state.ts'
import type { TableRow } from './types.ts'

const TREE: TreeUnit[] = [
  { id: 'inm', kind: 'national_office', name: 'INM', path: ['inm'], state: 'Ciudad de México' },
  { id: 'beta', kind: 'beta_coordination', name: 'Grupos Beta', path: ['inm', 'beta'], state: 'Ciudad de México', border: 'central' },
  { id: 'beta-tijuana', kind: 'beta_group', name: 'Grupo Beta Tijuana', path: ['inm', 'beta', 'beta-tijuana'], state: 'Baja California', border: 'north' },
  { id: 'paisano', kind: 'paisano_office', name: 'Paisano', path: ['inm', 'paisano'] },
  { id: 'paisano-bc', kind: 'state_committee', name: 'Comité BC', path: ['inm', 'paisano', 'paisano-bc'], state: 'Baja California' },
  { id: 'module-tj', kind: 'module', name: 'Módulo TJ', path: ['inm', 'paisano', 'paisano-bc', 'module-tj'] },
]
const UNITS = new Map(TREE.map((u) => [u.id, u]))

const row = (r: Record<string, string | number>): TableRow => ({ n: 0, ...r }) as TableRow

describe('the drill-down', () => {
  it('goes national → border → state → group, and stops at a group', () => {
    expect(placeLevel({ unit: 'inm' }, 'national_office')).toBe('border')
    expect(placeLevel({ unit: 'inm', border: 'north' }, 'national_office')).toBe('state')
    expect(placeLevel({ unit: 'inm', border: 'north', state: 'Sonora' }, 'national_office')).toBe('unit')
    expect(placeLevel({ unit: 'beta-tijuana' }, 'beta_group')).toBeUndefined()
    expect(placeLevel({ unit: 'paisano' }, 'paisano_office')).toBe('state')
    expect(placeLevel({ unit: 'paisano-bc' }, 'state_committee')).toBe('unit')
  })

  it('asks by the border drilled into and keeps the states of that border only', () => {
    const scope = { unit: 'inm', border: 'north' }
    expect(byOf(scope, 'place', 'state')).toEqual(['border', 'state'])
    const answer = { rows: [row({ border: 'north', state: 'Sonora', n: 40, previous: 30 }), row({ border: 'south', state: 'Chiapas', n: 90, previous: 0 }), row({ border: 'north', state: 'Baja California', n: 50, previous: 60 })], total: 180, previousTotal: 90 }
    expect(pageRows(answer, scope, 'state')).toEqual([
      { value: 'Baja California', n: 50, previous: 60, border: 'north' },
      { value: 'Sonora', n: 40, previous: 30, border: 'north' },
    ])
    expect(pageTotal(answer, scope)).toEqual({ n: 90, previous: 90 })
    expect(pageTotal(answer, { unit: 'inm' })).toEqual({ n: 180, previous: 90 })
  })

  it('adds up a state met on two borders into one row (Mexico City\'s central offices and Paisano\'s)', () => {
    const answer = { rows: [row({ border: 'central', state: 'Ciudad de México', n: 4 }), row({ border: '', state: 'Ciudad de México', n: 6 })] }
    expect(pageRows(answer, { unit: 'inm' }, 'state')).toEqual([{ value: 'Ciudad de México', n: 10, previous: 0, border: 'central' }])
  })

  it('asks a breakdown under a state by the state first, so the rows can be kept to it', () => {
    expect(byOf({ unit: 'inm', border: 'north', state: 'Sonora' }, 'month', 'unit')).toEqual(['state', 'month'])
    expect(byOf({ unit: 'inm', border: 'north' }, 'sex', 'state')).toEqual(['border', 'sex'])
    expect(byOf({ unit: 'beta-tijuana' }, 'month', undefined)).toEqual(['month'])
    expect(byOf({ unit: 'inm', state: 'Sonora' }, 'place', 'unit')).toEqual(['state', 'unit'])
  })

  it('steps down from a row: a border, then its state, then a unit on its own', () => {
    expect(drillInto({ unit: 'inm' }, 'border', { value: 'north' })).toEqual({ unit: 'inm', border: 'north' })
    expect(drillInto({ unit: 'inm' }, 'state', { value: 'Sonora', border: 'north' })).toEqual({ unit: 'inm', border: 'north', state: 'Sonora' })
    expect(drillInto({ unit: 'inm', border: 'north', state: 'Sonora' }, 'unit', { value: 'beta-nogales' })).toEqual({ unit: 'beta-nogales' })
  })

  it('offers each fact the breakdowns it has: sex for people, outcome for rescues, operation for tallies', () => {
    expect(breakdownsFor('attended', true)).toEqual(['place', 'month', 'week', 'quarter', 'sex', 'ageBand', 'nationality', 'kind'])
    expect(breakdownsFor('rescued', false)).toContain('outcome')
    expect(breakdownsFor('patrol', true)).not.toContain('sex')
    expect(breakdownsFor('tally', false)).toEqual(['month', 'week', 'quarter', 'operation', 'kind'])
  })
})

describe('the breadcrumbs', () => {
  it('lead back from a group through its state and border to the national office', () => {
    const crumbs = crumbsOf('inm', { unit: 'beta-tijuana' }, UNITS)
    expect(crumbs.map((c) => `${c.kind}:${c.value}`)).toEqual(['unit:inm', 'border:north', 'state:Baja California', 'unit:beta-tijuana'])
    expect(crumbs[2]?.scope).toEqual({ unit: 'inm', border: 'north', state: 'Baja California' })
  })

  it('lead back from a Paisano module through its committee\'s state, with no border', () => {
    expect(placeOf('module-tj', UNITS)).toEqual({ border: '', state: 'Baja California' })
    expect(crumbsOf('inm', { unit: 'module-tj' }, UNITS).map((c) => `${c.kind}:${c.value}`)).toEqual(['unit:inm', 'state:Baja California', 'unit:module-tj'])
  })

  it('follow a drill into a border and a state on the home unit', () => {
    expect(crumbsOf('inm', { unit: 'inm', border: 'south', state: 'Chiapas' }, UNITS).map((c) => `${c.kind}:${c.value}`)).toEqual(['unit:inm', 'border:south', 'state:Chiapas'])
    expect(crumbsOf('beta-tijuana', { unit: 'beta-tijuana' }, UNITS)).toHaveLength(1)
  })
})

describe('the page\'s address', () => {
  it('leaves out what is the default and reads it back', () => {
    const q = readSearch({}, 'inm', '2026-12-05')
    expect(q).toEqual({ fact: 'attended', period: { kind: 'year', year: 2026 }, scope: { unit: 'inm' }, by: undefined })
    expect(writeSearch(q, 'inm')).toEqual({ fact: 'attended', period: '2026' })
  })

  it('keeps a drill into "no border" (Paisano\'s offices) in the address', () => {
    const q = readSearch({ fact: 'tally', period: '2026-Q4', border: '-', by: 'month' }, 'inm', '2026-12-05')
    expect(q.scope).toEqual({ unit: 'inm', border: '' })
    expect(writeSearch(q, 'inm')).toEqual({ fact: 'tally', period: '2026-Q4', border: '-', by: 'month' })
  })

  it('opens a Paisano office on its tallies and a Grupos Beta one on the people attended', () => {
    expect(readSearch({}, 'paisano', '2026-12-05', 'paisano_office').fact).toBe('tally')
    expect(readSearch({}, 'module-tj', '2026-12-05', 'module').fact).toBe('tally')
    expect(readSearch({}, 'beta-tijuana', '2026-12-05', 'beta_group').fact).toBe('attended')
  })

  it('falls back to people attended and this year for a fact or a period it does not know', () => {
    const q = readSearch({ fact: 'teleportations', period: 'soon', by: 'colour' }, 'inm', '2026-12-05')
    expect(q.fact).toBe('attended')
    expect(q.period).toEqual({ kind: 'year', year: 2026 })
    expect(q.by).toBeUndefined()
  })
})

describe('the year earlier', () => {
  it('matches each month with the same month a year later, and keeps a month counted only then', () => {
    const now = [{ value: '2025-11', n: 849, previous: 0 }, { value: '2025-12', n: 1627, previous: 0 }]
    const before = [{ value: '2024-12', n: 30, previous: 0 }, { value: '2025-01', n: 400, previous: 0 }]
    expect(withBefore(now, before, 'month')).toEqual([
      { value: '2025-11', n: 849, previous: 0 },
      { value: '2025-12', n: 1627, previous: 30 },
      { value: '2026-01', n: 0, previous: 400 },
    ])
  })

  it('matches places by their own name and keeps a state\'s border for drilling into it', () => {
    expect(withBefore([{ value: 'Sonora', n: 5, previous: 0, border: 'north' }], [{ value: 'Chiapas', n: 2, previous: 0, border: 'south' }], 'state')).toEqual([
      { value: 'Sonora', n: 5, previous: 0, border: 'north' },
      { value: 'Chiapas', n: 0, previous: 2, border: 'south' },
    ])
  })

  it('leaves an operation\'s rows as the server matched them', () => {
    const rows = [{ value: 'op-2025', n: 10, previous: 7 }]
    expect(withBefore(rows, [{ value: 'op-2024', n: 7, previous: 0 }], 'operation')).toEqual(rows)
  })
})
