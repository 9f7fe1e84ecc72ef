import { gzipSync } from 'node:zlib'
import { call, makeAttentionAction, type Session, type TestEnv } from '../../test/harness.ts'

export interface PushResultBody {
  id: string
  status: string
  seq?: number
  reason?: string
  errors?: { field: string }[]
  review?: true
}

export interface TestPushAction {
  id: string
  deviceCounter: number
  recordType: string
  recordId: string
  type: string
  payload: Record<string, unknown>
  clientTime?: string
}

/** A push action of the device: an attention in the unit with the counter given. */
export function pushAction(orgUnitId: string, deviceCounter: number, overrides: Partial<TestPushAction> = {}): TestPushAction {
  const a = makeAttentionAction(orgUnitId)
  return { id: a.id, recordType: a.recordType, recordId: a.recordId, type: a.type, payload: a.payload, clientTime: '2026-11-21T09:00:00.000Z', ...overrides, deviceCounter }
}

/** POSTs a push, gzipped when asked, and returns the response. */
export async function push(env: TestEnv, as: Session, body: unknown, opts: { gzip?: boolean; lang?: string } = {}): Promise<Response> {
  if (!opts.gzip) {
    return call(env, 'POST', '/api/sync/push', { as, body, ...(opts.lang ? { lang: opts.lang } : {}) })
  }
  const data = gzipSync(JSON.stringify(body))
  return env.app.request('/api/sync/push', {
    method: 'POST',
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: data,
  })
}

export async function results(res: Response): Promise<PushResultBody[]> {
  const body = (await res.json()) as { results: PushResultBody[] }
  return body.results
}
