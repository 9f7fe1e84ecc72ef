import { describe, expect, it } from 'vitest'
import { firstOperation, openOperations } from './choice.ts'
import type { Operation } from './types.ts'

const op = (recordId: string, orgUnitId: string, status: Operation['status']): Operation => ({ recordId, orgUnitId, status, kind: 'winter', name: recordId, startsOn: '2026-11-01', endsOn: '2027-01-07' })

describe('firstOperation', () => {
  const list = [op('next-summer', 'paisano', 'upcoming'), op('caravan', 'beta-tapachula', 'open'), op('winter', 'paisano', 'open'), op('last-summer', 'paisano', 'ended')]

  it('shows first the operation under way of the account\'s own office, then any under way, then the newest', () => {
    expect(firstOperation(list, 'paisano')?.recordId).toBe('winter')
    expect(firstOperation(list, 'beta')?.recordId).toBe('caravan')
    expect(firstOperation([list[0] as Operation, list[3] as Operation], 'paisano')?.recordId).toBe('next-summer')
    expect(firstOperation([], 'paisano')).toBeUndefined()
  })

  it('lists those under way, the own office\'s first', () => {
    expect(openOperations(list, 'paisano').map((o) => o.recordId)).toEqual(['winter', 'caravan'])
  })
})
