import { describe, expect, it } from 'vitest'
import { pickLang } from './lang.ts'

describe('pickLang', () => {
  it('defaults to Spanish', () => {
    expect(pickLang(undefined)).toBe('es')
    expect(pickLang('fr-FR')).toBe('es')
  })
  it('follows quality weights', () => {
    expect(pickLang('es;q=0.4, en-US;q=0.9')).toBe('en')
    expect(pickLang('en;q=0, es')).toBe('es')
  })
})
