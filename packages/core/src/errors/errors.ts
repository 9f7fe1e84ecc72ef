import { z } from 'zod'

/** Stable error codes; once shipped, never renamed. The server maps each to an HTTP status. */
export const ErrorCode = z.enum([
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'gone',
  'too_many_requests',
  'unavailable',
])
export type ErrorCode = z.infer<typeof ErrorCode>

/** One bad field of an input, named by its dotted path (`payload.people.0.count`). */
export interface FieldIssue {
  field: string
  code: string
  message: string
}

/**
 * The one error type core throws. It carries a stable code, a message with no personal data,
 * and optional structured details (for `invalid`, the list of field issues).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: FieldIssue[]; reason?: string; retryAfterSeconds?: number },
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
