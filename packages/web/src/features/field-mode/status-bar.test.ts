import { describe, expect, it } from 'vitest'
import type { SyncReport } from '../../outbox/sync.ts'
import { resultStillTrue } from './status-bar.tsx'

const report = (over: Partial<SyncReport>): SyncReport => ({ accepted: 0, duplicates: 0, reviews: 0, problems: [], stillPending: 0, failure: undefined, ...over })

describe('the last sync result beside the status bar', () => {
  it('stops saying the server was unreachable once nothing waits on the phone', () => {
    expect(resultStillTrue(report({ failure: 'network', stillPending: 3 }), 0)).toBe(false)
    expect(resultStillTrue(report({ stillPending: 2 }), 0)).toBe(false)
  })

  it('keeps a failure while records still wait, and a success when all went', () => {
    expect(resultStillTrue(report({ failure: 'network', stillPending: 3 }), 3)).toBe(true)
    expect(resultStillTrue(report({ accepted: 3 }), 0)).toBe(true)
  })

  it('says nothing beside "all sent" after a sync that found nothing to send', () => {
    expect(resultStillTrue(report({}), 0)).toBe(false)
    expect(resultStillTrue(report({ problems: [{ id: 'a', status: 'rejected', reason: 'forbidden' }] }), 0)).toBe(true)
  })
})
