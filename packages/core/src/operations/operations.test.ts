import { describe, expect, it } from 'vitest'
import { reduceRecord } from '../records/registry.ts'
import { OperationOpened, ShiftPlanned, TallyCounted } from './schemas.ts'

describe('operations', () => {
  it('refuses an operation that ends before it starts, and a special one with no reason', () => {
    const winter = { orgUnitId: 'paisano', kind: 'winter', name: 'Operativo Invierno 2026', startsOn: '2026-11-01', endsOn: '2027-01-07' }
    expect(OperationOpened.safeParse(winter).success).toBe(true)
    expect(OperationOpened.safeParse({ ...winter, endsOn: '2026-10-31' }).error?.issues[0]).toMatchObject({ path: ['endsOn'], message: 'faro.operation_ends_before_start' })
    expect(OperationOpened.safeParse({ ...winter, kind: 'special' }).error?.issues[0]).toMatchObject({ path: ['reason'] })
    expect(OperationOpened.safeParse({ ...winter, kind: 'special', reason: 'heat_wave', units: ['beta-sasabe'] }).success).toBe(true)
  })

  it('takes a shift that ends after midnight, not one of no length or an impossible hour', () => {
    const shift = { orgUnitId: 'module-tijuana-airport', operationId: 'op', date: '2026-12-20', starts: '22:00', ends: '06:00', needed: 2 }
    expect(ShiftPlanned.safeParse(shift).success).toBe(true)
    expect(ShiftPlanned.safeParse({ ...shift, ends: '22:00' }).success).toBe(false)
    expect(ShiftPlanned.safeParse({ ...shift, starts: '24:00' }).error?.issues[0]).toMatchObject({ path: ['starts'], message: 'faro.time_hhmm' })
  })

  it('adds up a tally\'s taps, in any order, so two taps never overwrite each other', () => {
    const opened = { type: 'TallyOpened', payload: { orgUnitId: 'module-tijuana-airport', day: '2026-12-20', guidance: 2 } }
    const taps = [
      { type: 'TallyCounted', payload: { at: '2026-12-20T15:00:00.000Z', guidance: 1 } },
      { type: 'TallyCounted', payload: { at: '2026-12-20T15:01:00.000Z', guides: 3, complaintReferrals: 1 } },
      { type: 'TallyCounted', payload: { at: '2026-12-20T15:02:00.000Z', guidance: 1 } },
    ]
    const fold = (list: typeof taps) => list.reduce((s, a) => reduceRecord(s, a, 'tally'), reduceRecord(undefined, opened, 'tally'))
    const state = fold(taps)
    expect(state).toMatchObject({ guidance: 4, guides: 3, complaintReferrals: 1, helpReferrals: 0, otherReferrals: 0 })
    expect(fold([...taps].reverse())).toMatchObject({ guidance: 4, guides: 3, complaintReferrals: 1 })
    expect(TallyCounted.safeParse({ at: '2026-12-20T15:00:00.000Z' }).success).toBe(false)
  })
})
