import { describe, expect, it } from 'vitest'
import { stepFor } from './step-sender.ts'

describe('stepFor', () => {
  let n = 0
  const makeId = () => `id-${(n += 1)}`

  it('sends the same step again with the same id after an unconfirmed attempt', () => {
    const first = stepFor(undefined, { type: 'answer', hopId: 'h1', answer: 'Se sancionó al servidor público.' }, makeId)
    const again = stepFor(first, { answer: 'Se sancionó al servidor público.', hopId: 'h1', type: 'answer' }, makeId)
    expect(again.id).toBe(first.id)
  })

  it('gives another step a new id', () => {
    const first = stepFor(undefined, { type: 'note', note: 'Llamó de nuevo.' }, makeId)
    const other = stepFor(first, { type: 'note', note: 'Llamó de nuevo por la tarde.' }, makeId)
    expect(other.id).not.toBe(first.id)
    expect(other).toMatchObject({ type: 'note', note: 'Llamó de nuevo por la tarde.' })
  })
})
