import { describe, expect, it } from 'vitest'
import { dueWords, queueOrder } from './due.ts'
import type { CaseItem } from './types.ts'

const now = new Date('2026-07-10T12:00:00Z')

describe('dueWords', () => {
  it('says a deadline two and a half days away in whole days', () => {
    expect(dueWords('2026-07-13T00:00:00Z', now)).toEqual({ key: 'case.due.days', n: 2, overdue: false })
  })

  it('says a deadline passed three hours ago in hours', () => {
    expect(dueWords('2026-07-10T08:40:00Z', now)).toEqual({ key: 'case.overdue.hours', n: 3, overdue: true })
  })

  it('never says zero minutes', () => {
    expect(dueWords('2026-07-10T12:00:20Z', now)).toEqual({ key: 'case.due.minutes', n: 1, overdue: false })
  })
})

describe('queueOrder', () => {
  const item = (folio: string, nextDeadline: string | null, overdue: boolean, updatedAt = '2026-07-01T00:00:00Z'): CaseItem =>
    ({ folio, nextDeadline, overdueHops: overdue ? ['h'] : [], updatedAt }) as unknown as CaseItem

  it('puts late cases first, then the nearest deadline, then cases without one', () => {
    const order = queueOrder([
      item('none', null, false),
      item('later', '2026-07-20T00:00:00Z', false),
      item('late', '2026-07-01T00:00:00Z', true),
      item('sooner', '2026-07-11T00:00:00Z', false),
    ])
    expect(order.map((c) => c.folio)).toEqual(['late', 'sooner', 'later', 'none'])
  })

  it('puts the newest change first among cases with the same deadline', () => {
    const order = queueOrder([item('old', null, false, '2026-07-01T00:00:00Z'), item('new', null, false, '2026-07-05T00:00:00Z')])
    expect(order.map((c) => c.folio)).toEqual(['new', 'old'])
  })
})
