/** Set (in sessionStorage) when a sign-out was refused because records wait unsent. */
export const LOGOUT_BLOCKED_KEY = 'faro.logoutBlocked'
export const LOGOUT_BLOCKED_EVENT = 'faro:logout-blocked'
