import { attachmentRoutes } from '../files/attachment-routes.ts'
import type { AttachmentDeps, AttachmentRules } from '../files/attachments.ts'

/**
 * Evidence on cases: whoever may read a case may list and open its files (the accused agency
 * never may); whoever may work on it, the call centre and the national office (`case.update`)
 * or a body it was routed to (`case.answer`), may add one. A closed case takes none until it is
 * reopened, as it takes no step.
 */
export const CASE_ATTACHMENTS: AttachmentRules = {
  recordType: 'case',
  addActions: ['case.update', 'case.answer'],
  refuseAdd: (state) => (state.closedAt !== undefined ? 'faro.case_closed' : undefined),
}

/** The case attachment routes, mounted under `/api/cases`. */
export function caseAttachmentRoutes(deps: AttachmentDeps) {
  return attachmentRoutes(deps, CASE_ATTACHMENTS)
}
