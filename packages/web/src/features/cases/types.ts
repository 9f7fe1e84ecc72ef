import type { CaseState, CaseStep, CaseView, HopState } from '@faro/core'

export type { CaseIntakeResult, CaseState, HopState, PublicCaseView } from '@faro/core'

/** A case as GET /api/cases and GET /api/cases/:id answer it, its `state` typed as the fold leaves it. */
export type CaseItem = Omit<CaseView, 'state'> & { state: CaseState }

/** A page of the case list. */
export interface CaseList {
  items: CaseItem[]
  next: string | null
}

/** A step as a form builds it: the sender adds the id (see step-sender.ts). */
export type StepDraft = CaseStep extends infer S ? (S extends { id: string } ? Omit<S, 'id'> : never) : never

/** A hop of a case, as the screens read it. */
export type Hop = HopState
