import { describe, expect, it } from 'vitest'
import { chainBody } from './audit-repo.ts'
import { auditEvent, prepareAudit } from './audit.ts'

describe('audit events worked out ahead', () => {
  const actor = { userId: 'u-1', role: 'field_agent', orgUnitId: 'beta-tijuana' }
  const at = (iso: string) => ({ now: () => new Date(iso) })
  const subject = { action: 'attention.create', recordType: 'attention', recordId: 'r-1', decision: 'allowed' as const }

  it('keeps the prepared id and chain text when the time is the same', () => {
    const ctx = { clock: at('2026-11-21T10:00:00.000Z'), requestId: 'req-1', actor }
    const prepared = prepareAudit(ctx, subject)
    const event = auditEvent(ctx, subject, prepared)
    expect(event.id).toBe(prepared.id)
    expect(event.chainBody).toBe(prepared.body)
    expect(prepared.body).toBe(chainBody(event))
  })

  it('works the event out anew when the time moved on', () => {
    const prepared = prepareAudit({ clock: at('2026-11-21T10:00:00.000Z'), requestId: 'req-1', actor }, subject)
    const event = auditEvent({ clock: at('2026-11-21T10:00:01.000Z'), requestId: 'req-1', actor }, subject, prepared)
    expect(event.id).not.toBe(prepared.id)
    expect(event.chainBody).toBeUndefined()
  })
})
