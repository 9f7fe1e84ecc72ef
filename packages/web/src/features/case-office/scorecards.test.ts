import type { Scorecard } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { count, decimal, percent, roundDays, scorecardOrder } from './scorecards.ts'

const card = (bodyId: string, over: Partial<Scorecard>): Scorecard => ({ bodyId, received: 10, open: 2, overdue: 0, answered: 8, medianDaysToAnswer: 3, onTimeShare: 0.9, accusedIn: 0, ...over })
const names: Record<string, string> = { a: 'Aduanas', b: 'Banjército', c: 'Control interno', d: 'Derechos' }

describe('scorecardOrder', () => {
  it('puts the bodies with the most late cases first, then the most open, then by name', () => {
    const cards = [card('d', {}), card('a', { overdue: 1 }), card('c', { overdue: 4 }), card('b', { open: 5 })]
    expect(scorecardOrder(cards, (id) => names[id] ?? id, 'es').map((c) => c.bodyId)).toEqual(['c', 'a', 'b', 'd'])
  })
})

describe('figures', () => {
  it('writes a share as a whole percent', () => {
    expect(percent('es', 0.875)).toMatch(/^88\s?%$/)
    expect(percent('en', 1)).toBe('100%')
  })

  it('groups the digits of a count', () => {
    expect(count('en', 12345)).toBe('12,345')
  })

  it('writes one decimal with a point, as in Mexico', () => {
    expect(decimal('es', 4.36)).toBe('4.4')
    expect(decimal('es', 2)).toBe('2')
  })

  it('rounds days to one decimal', () => {
    expect(roundDays(2.345)).toBe(2.3)
    expect(roundDays(4)).toBe(4)
  })
})
