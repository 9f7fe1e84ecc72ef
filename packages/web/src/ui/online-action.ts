import type { AppendResult, OnlineActionInput } from '@faro/core'
import { useCallback, useRef } from 'react'
import { api } from '../api/client.ts'
import { uuidv7 } from '../outbox/uuidv7.ts'

/** What a form asks to append: an action without its id and clock, which sending adds. */
export type ActionDraft = Omit<OnlineActionInput, 'id' | 'clientTime'>

/**
 * The action to send for a draft. When the previous attempt was not confirmed and the draft is
 * the same, it is that action again, id and clock included: if the first one did arrive (its
 * answer was lost), the server answers "duplicate" instead of filing it twice. Other content
 * gets a new id, since the same id with other content is refused as a conflict.
 */
export function actionFor(previous: OnlineActionInput | undefined, draft: ActionDraft, makeId: () => string, now: () => string): OnlineActionInput {
  if (previous !== undefined) {
    const { id: _id, clientTime: _clientTime, ...sent } = previous
    if (canonical(sent) === canonical(draft)) {
      return previous
    }
  }
  return { ...draft, id: makeId(), clientTime: now() }
}

/**
 * Posts actions to `POST /api/records/actions` from a form, keeping the unconfirmed one so that
 * pressing save again after a failure sends the same action (see `actionFor`).
 */
export function useActionSender(): (draft: ActionDraft) => Promise<AppendResult> {
  const unconfirmed = useRef<OnlineActionInput | undefined>(undefined)
  return useCallback(async (draft: ActionDraft) => {
    const action = actionFor(unconfirmed.current, draft, () => uuidv7(), () => new Date().toISOString())
    unconfirmed.current = action
    const result = await api<AppendResult>('/api/records/actions', { method: 'POST', body: action })
    unconfirmed.current = undefined
    return result
  }, [])
}

// JSON with the keys of every object sorted, so the order a form built them in does not matter.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v))
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
