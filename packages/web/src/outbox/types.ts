import type { PushAction, PushResult } from '@faro/core'

// The wire shapes come from core (docs/sync.md), shared with the server.
export type { PushAction, PushResult, PushStatus } from '@faro/core'

export interface FieldError {
  field: string
  code: string
  message: string
}

/** Why a push attempt failed as a whole (no per-action answer came back). */
export type PushFailureKind = 'too_large' | 'timeout' | 'network' | 'revoked' | 'unauthenticated' | 'forbidden' | 'server' | 'bad_answer'

export class PushError extends Error {
  constructor(
    readonly kind: PushFailureKind,
    readonly status?: number,
    readonly detail?: string,
  ) {
    super(`push failed: ${kind}${status ? ` (${status})` : ''}`)
    this.name = 'PushError'
  }
}

/** Sends one batch of a device's actions; resolves with one result per action or throws PushError. */
export type PushTransport = (deviceId: string, actions: readonly PushAction[]) => Promise<PushResult[]>
