import type { PushResponse } from '@faro/core'
import { api, ApiError, NetworkError } from '../../api/client.ts'
import { PushError, type PushTransport } from '../../outbox/types.ts'

/** A push that has not answered in this long is treated as lost; the batch is then halved. */
export const PUSH_TIMEOUT_MS = 30_000

/**
 * POST /api/sync/push through the app's API client, with the failures of docs/sync.md mapped to
 * what the outbox needs to decide: halve, back off, stop, or wipe.
 */
export const httpPush: PushTransport = async (deviceId, actions) => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), PUSH_TIMEOUT_MS)
  try {
    const answer = await api<PushResponse>('/api/sync/push', { method: 'POST', body: { deviceId, actions }, signal: controller.signal, expectUnauthenticated: true, gzip: true })
    return answer.results
  } catch (error) {
    throw toPushError(error)
  } finally {
    clearTimeout(timer)
  }
}

export function toPushError(error: unknown): PushError {
  if (error instanceof PushError) {
    return error
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new PushError('timeout')
  }
  if (error instanceof NetworkError) {
    return new PushError('network')
  }
  if (error instanceof ApiError) {
    const detail = error.problem?.detail ?? error.problem?.title
    if (error.status === 410 || error.problem?.reason === 'device_revoked') {
      return new PushError('revoked', error.status, detail)
    }
    if (error.status === 413) {
      return new PushError('too_large', 413, detail)
    }
    if (error.status === 401) {
      return new PushError('unauthenticated', 401, detail)
    }
    if (error.status === 403 || error.status === 404) {
      return new PushError('forbidden', error.status, detail)
    }
    return new PushError(error.status >= 500 || error.status === 408 || error.status === 429 ? 'server' : 'bad_answer', error.status, detail)
  }
  return new PushError('network')
}
