import { describe, expect, it } from 'vitest'
import type { PolicyAction } from '../../api/types.ts'
import { canResetSecondFactor, secondFactorResetPath } from './second-factor.ts'

const admin = (action: PolicyAction) => action === 'user.reset_second_factor'
const coordinator = (action: PolicyAction) => action === 'user.read'

describe('canResetSecondFactor', () => {
  it('offers the reset to an administrator for another account with a second factor', () => {
    expect(canResetSecondFactor({ id: 'u-agent', totpEnabled: true }, { id: 'u-admin' }, admin)).toBe(true)
  })

  it('does not offer it for an account without a second factor', () => {
    expect(canResetSecondFactor({ id: 'u-agent', totpEnabled: false }, { id: 'u-admin' }, admin)).toBe(false)
  })

  it('does not offer it for the own account, which sets up its factor again instead', () => {
    expect(canResetSecondFactor({ id: 'u-admin', totpEnabled: true }, { id: 'u-admin' }, admin)).toBe(false)
  })

  it('does not offer it to a role without the right', () => {
    expect(canResetSecondFactor({ id: 'u-agent', totpEnabled: true }, { id: 'u-coord' }, coordinator)).toBe(false)
  })
})

describe('secondFactorResetPath', () => {
  it('escapes the id into the path', () => {
    expect(secondFactorResetPath('a/b')).toBe('/api/users/a%2Fb/totp/reset')
  })
})
