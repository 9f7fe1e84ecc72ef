import { ApiError, NetworkError } from '../api/client.ts'
import type { MessageKey } from '../i18n/messages.ts'

/** The text to show for a failed request: the server's localised detail when it sent one. */
export function errorText(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof ApiError) {
    const summary = error.problem?.detail ?? error.problem?.title ?? t('app.genericError')
    const fields = (error.problem?.errors ?? []).map((e) => e.message).filter((m) => m !== summary)
    return fields.length > 0 ? `${summary}: ${fields.join('; ')}` : summary
  }
  if (error instanceof NetworkError) {
    return t('app.networkError')
  }
  return t('app.genericError')
}
