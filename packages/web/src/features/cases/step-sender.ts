import { useCallback, useRef } from 'react'
import { api } from '../../api/client.ts'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { useInvalidate } from '../../ui/use-fetch.ts'
import type { CaseItem, StepDraft } from './types.ts'

/** A step as sent: the draft and the id that makes sending it again harmless. */
export type SentStep = StepDraft & { id: string }

/**
 * The step to send for a draft. When the previous attempt was not confirmed and the draft is the
 * same, it is that step again, id included: if the first one did arrive (its answer was lost),
 * the server takes it as a repeat instead of acting twice. Another draft gets a new id.
 */
export function stepFor(previous: SentStep | undefined, draft: StepDraft, makeId: () => string): SentStep {
  if (previous !== undefined) {
    const { id: _id, ...sent } = previous
    if (canonical(sent) === canonical(draft)) {
      return previous
    }
  }
  return { ...draft, id: makeId() }
}

/**
 * Posts steps of one case to `POST /api/cases/:id/steps`, keeping the unconfirmed one for a
 * retry (see `stepFor`), and marks the cases read before as stale once a step is taken, so the
 * case page and the queues show it.
 */
export function useStepSender(caseId: string): (draft: StepDraft) => Promise<CaseItem> {
  const unconfirmed = useRef<SentStep | undefined>(undefined)
  const invalidate = useInvalidate()
  return useCallback(
    async (draft: StepDraft) => {
      const step = stepFor(unconfirmed.current, draft, () => uuidv7())
      unconfirmed.current = step
      const view = await api<CaseItem>(`/api/cases/${encodeURIComponent(caseId)}/steps`, { method: 'POST', body: step })
      unconfirmed.current = undefined
      await invalidate('/api/cases')
      return view
    },
    [caseId, invalidate],
  )
}

// JSON with every object's keys sorted, so the order a form built them in does not matter.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v))
}
