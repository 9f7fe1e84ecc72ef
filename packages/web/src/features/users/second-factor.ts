import type { PolicyAction, User } from '../../api/types.ts'

/**
 * Whether to offer resetting an account's second factor: it must have one, the caller's role
 * must hold the right, and it must not be the caller's own (replaced by setting it up again).
 */
export function canResetSecondFactor(user: Pick<User, 'id' | 'totpEnabled'>, me: Pick<User, 'id'>, can: (action: PolicyAction) => boolean): boolean {
  return user.totpEnabled && user.id !== me.id && can('user.reset_second_factor')
}

/** The path of the reset, with the id escaped: it comes from the server, but goes into a URL. */
export function secondFactorResetPath(userId: string): string {
  return `/api/users/${encodeURIComponent(userId)}/totp/reset`
}
