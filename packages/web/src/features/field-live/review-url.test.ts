import { describe, expect, it } from 'vitest'
import { parseReviewTarget, withReviewTarget } from './review-url.ts'

describe('review panel URL', () => {
  it('names the open panel by record type and id only', () => {
    const search = withReviewTarget('', { type: 'attention', recordId: '019a9a3e-7c1d-7000-8000-000000000001' })
    expect(search).toBe('?review=attention/019a9a3e-7c1d-7000-8000-000000000001')
    expect(parseReviewTarget(search)).toEqual({ type: 'attention', recordId: '019a9a3e-7c1d-7000-8000-000000000001' })
  })

  it('keeps other parameters and drops the panel when it closes', () => {
    const open = withReviewTarget('?lang=en&review=patrol/p-1', { type: 'rescue', recordId: 'r_2' })
    expect(open).toBe('?lang=en&review=rescue/r_2')
    expect(withReviewTarget(open, undefined)).toBe('?lang=en')
    expect(withReviewTarget('?review=rescue/r_2', undefined)).toBe('')
  })

  it('reads an escaped slash as a shared link may carry it', () => {
    expect(parseReviewTarget('?review=remains%2Fe2e-9')).toEqual({ type: 'remains', recordId: 'e2e-9' })
  })

  it('ignores a parameter that names no panel the live view has', () => {
    for (const search of ['', '?review=', '?review=attention', '?review=person/p-1', '?review=attention/', '?review=attention/a b', '?review=attention/a/b', `?review=patrol/${'x'.repeat(65)}`]) {
      expect(parseReviewTarget(search)).toBeUndefined()
    }
  })
})
