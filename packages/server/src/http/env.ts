import type { Actor, Lang } from '@faro/core'
import type { Authenticated } from '../accounts/sessions.ts'
import type { Ctx } from '../log/context.ts'

/** Variables every request carries through the middleware chain. */
export interface AppEnv {
  Variables: {
    requestId: string
    lang: Lang
    auth: Authenticated | undefined
    actor: Actor
    ctx: Ctx
    /** A route's own Content-Security-Policy, set over the app's once it has answered. */
    ownCsp: string | undefined
  }
}
