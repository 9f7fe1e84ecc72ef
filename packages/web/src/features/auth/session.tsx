import { createContext, useContext } from 'react'
import type { Me, PolicyAction } from '../../api/types.ts'

export interface Session {
  me: Me
  can(action: PolicyAction): boolean
  /** `force` signs out even with unsent field records (after they were exported). */
  logout(options?: { force?: boolean }): Promise<void>
}

export const SessionContext = createContext<Session | null>(null)

/** The signed-in account; only pages inside the shell use it, so it is always there. */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) {
    throw new Error('useSession outside a signed-in shell')
  }
  return session
}
