import type { Me } from '../../api/types.ts'

const KEY = 'faro.offlineSession'

/**
 * The account of the last online sign-in of a field account, so the app can open field mode
 * with no network. It holds no secret (the CSRF token is left out, the session cookie stays in
 * the browser) and is dropped at sign-out; offices never keep one.
 */
export function saveOfflineSession(me: Me): void {
  if (!me.permissions.includes('device.register')) {
    return
  }
  const { csrfToken: _omitted, ...rest } = me
  try {
    localStorage.setItem(KEY, JSON.stringify(rest))
  } catch {
    // Private mode or a full disk: the app still works online.
  }
}

export function loadOfflineSession(): Me | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    return isMe(value) ? value : undefined
  } catch {
    return undefined
  }
}

export function forgetOfflineSession(): void {
  try {
    localStorage.removeItem(KEY)
  } catch {
    // Nothing stored.
  }
}

function isMe(value: unknown): value is Me {
  if (typeof value !== 'object' || value === null || !('user' in value) || !('orgUnit' in value) || !('permissions' in value)) {
    return false
  }
  const { user, orgUnit, permissions } = value
  return typeof user === 'object' && user !== null && 'id' in user && typeof orgUnit === 'object' && orgUnit !== null && 'id' in orgUnit && Array.isArray(permissions)
}
