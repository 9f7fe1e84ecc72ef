import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, signIn, testDialects, type Session, type TestEnv } from '../../test/harness.ts'
import { push, pushAction, results } from './test-helpers.ts'

let n = 0
const newDevice = () => `devices-test-${++n}-${Date.now()}`

interface Health {
  deviceId: string
  maxCounter: number
  missingRanges: { from: number; to: number }[]
  rejections: number
  conflicts: number
  latestRejections: { reason: string }[]
  lastPushAt: string | null
  revokedAt: string | null
}

for (const dialect of testDialects()) {
  describe(`${dialect}: /api/sync/devices`, () => {
    let env: TestEnv
    let agent: Session
    let coordinator: Session
    let otherCoordinator: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      coordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username)
      otherCoordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tapachula')).username)
    })
    afterAll(async () => env?.close())

    it('registers a device once: 201, then 200 on a repeat', async () => {
      const deviceId = newDevice()
      const first = await call(env, 'POST', '/api/sync/devices', { as: agent, body: { deviceId, label: 'Moto G' } })
      expect(first.status).toBe(201)
      const again = await call(env, 'POST', '/api/sync/devices', { as: agent, body: { deviceId } })
      expect(again.status).toBe(200)
      expect(await again.json()).toEqual(await first.json())
    })

    it('answers a bad device id with 400 naming the field', async () => {
      const res = await call(env, 'POST', '/api/sync/devices', { as: agent, body: { deviceId: 'has spaces in it!!' } })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ errors: [{ field: 'deviceId' }] })
    })

    it('is forbidden to register for a role without field devices', async () => {
      const dpo = await signIn(env, (await makeUser(env, 'data_protection_officer', 'inm')).username)
      expect((await call(env, 'POST', '/api/sync/devices', { as: dpo, body: { deviceId: newDevice() } })).status).toBe(403)
    })

    it('shows the coordinator missing counter ranges, rejections and the last push', async () => {
      const deviceId = newDevice()
      const bad = pushAction('beta-tijuana', 6, { payload: { orgUnitId: 'beta-tijuana' } })
      await push(env, agent, { deviceId, actions: [pushAction('beta-tijuana', 1), pushAction('beta-tijuana', 2), pushAction('beta-tijuana', 5), bad, pushAction('beta-tijuana', 9)] })
      const res = await call(env, 'GET', '/api/sync/devices?unit=beta-tijuana', { as: coordinator })
      expect(res.status).toBe(200)
      const device = ((await res.json()) as { items: Health[] }).items.find((d) => d.deviceId === deviceId)
      expect(device).toMatchObject({ maxCounter: 9, missingRanges: [{ from: 3, to: 4 }, { from: 7, to: 8 }], rejections: 1, latestRejections: [{ reason: 'invalid' }] })
      expect(device?.lastPushAt).not.toBeNull()
    })

    it('lists devices a page at a time, each once, and refuses a cursor it did not hand out', async () => {
      const mine = Array.from({ length: 5 }, () => newDevice())
      for (const deviceId of mine) {
        await call(env, 'POST', '/api/sync/devices', { as: agent, body: { deviceId } })
      }
      const whole = (await (await call(env, 'GET', '/api/sync/devices?unit=beta-tijuana&limit=500', { as: coordinator })).json()) as { items: Health[]; next: string | null }
      expect(whole.next).toBeNull()
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const res = await call(env, 'GET', `/api/sync/devices?unit=beta-tijuana&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: coordinator })
        expect(res.status).toBe(200)
        const page = (await res.json()) as { items: Health[]; next: string | null }
        expect(page.items.length).toBeLessThanOrEqual(2)
        seen.push(...page.items.map((d) => d.deviceId))
        cursor = page.next
      } while (cursor !== null)
      expect(seen).toEqual(whole.items.map((d) => d.deviceId))
      expect(seen).toEqual(expect.arrayContaining(mine))
      const bad = await call(env, 'GET', '/api/sync/devices?unit=beta-tijuana&cursor=not-a-cursor', { as: coordinator })
      expect(bad.status).toBe(400)
      expect(await bad.json()).toMatchObject({ errors: [{ field: 'cursor' }] })
    })

    it('is forbidden to list devices for a field agent and for a coordinator of another group', async () => {
      expect((await call(env, 'GET', '/api/sync/devices?unit=beta-tijuana', { as: agent })).status).toBe(403)
      expect((await call(env, 'GET', '/api/sync/devices?unit=beta-tijuana', { as: otherCoordinator })).status).toBe(403)
    })

    it('answers push and pull of a revoked device with 410 device_revoked', async () => {
      const deviceId = newDevice()
      const ok = await push(env, agent, { deviceId, actions: [pushAction('beta-tijuana', 1)] })
      expect((await results(ok))[0]?.status).toBe('accepted')
      const revoke = await call(env, 'POST', `/api/sync/devices/${deviceId}/revoke`, { as: coordinator })
      expect(revoke.status).toBe(200)
      expect(((await revoke.json()) as Health).revokedAt).not.toBeNull()
      const pushed = await push(env, agent, { deviceId, actions: [pushAction('beta-tijuana', 2)] })
      expect(pushed.status).toBe(410)
      expect(await pushed.json()).toMatchObject({ type: '/problems/gone', reason: 'device_revoked' })
      const pulled = await call(env, 'GET', `/api/sync/pull?deviceId=${deviceId}`, { as: agent })
      expect(pulled.status).toBe(410)
      expect((await call(env, 'POST', '/api/sync/devices', { as: agent, body: { deviceId } })).status).toBe(410)
    })

    it('lets a coordinator import a device\'s exported actions as its owner; the phone\'s later push is a duplicate', async () => {
      const deviceId = newDevice()
      await call(env, 'POST', '/api/sync/devices', { as: agent, body: { deviceId } })
      const actions = [pushAction('beta-tijuana', 1), pushAction('beta-tijuana', 2)]
      expect((await push(env, otherCoordinator, { deviceId, actions })).status).toBe(403)
      const imported = await results(await push(env, coordinator, { deviceId, actions }))
      expect(imported.map((r) => r.status)).toEqual(['accepted', 'accepted'])
      const fromPhone = await results(await push(env, agent, { deviceId, actions }))
      expect(fromPhone.map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
      const audit = await env.db.db.selectFrom('auditEvents').select('action').where('recordId', '=', deviceId).execute()
      expect(audit.map((a) => a.action)).toContain('device.import')
    })

    it('refuses an import once the device\'s owner is disabled, and once the owner moved out of the importer\'s reach, saying why', async () => {
      const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
      for (const [change, reason] of [
        [{ disabled: true }, 'device_owner_disabled'],
        [{ orgUnitId: 'beta-tapachula' }, 'device_owner_out_of_reach'],
      ] as const) {
        const owner = await makeUser(env, 'field_agent', 'beta-tijuana')
        const deviceId = newDevice()
        await call(env, 'POST', '/api/sync/devices', { as: await signIn(env, owner.username), body: { deviceId } })
        expect((await call(env, 'PATCH', `/api/users/${owner.id}`, { as: admin, body: change })).status).toBe(200)
        const before = await env.db.db.selectFrom('actions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
        const res = await push(env, coordinator, { deviceId, actions: [pushAction('beta-tijuana', 1)] }, { lang: 'en' })
        expect(res.status).toBe(403)
        const body = (await res.json()) as { reason: string; detail: string }
        expect(body.reason).toBe(reason)
        expect(body.detail).toMatch(/^The account that owns this device/)
        const after = await env.db.db.selectFrom('actions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
        expect(Number(after.n)).toBe(Number(before.n))
      }
    })

    it('keeps an out-of-range counter of a rejected action from making every counter below it look missing', async () => {
      const deviceId = newDevice()
      const wild = { ...pushAction('beta-tijuana', 2), deviceCounter: 1e12 }
      const r = await results(await push(env, agent, { deviceId, actions: [pushAction('beta-tijuana', 1), wild] }))
      expect(r.map((x) => x.reason ?? x.status)).toEqual(['accepted', 'invalid'])
      const device = ((await (await call(env, 'GET', '/api/sync/devices?unit=beta-tijuana', { as: coordinator })).json()) as { items: Health[] }).items.find((d) => d.deviceId === deviceId)
      expect(device).toMatchObject({ maxCounter: 1, missingRanges: [], rejections: 1 })
    })

    it('is forbidden to revoke for a field agent and for a coordinator of another group', async () => {
      const deviceId = newDevice()
      await call(env, 'POST', '/api/sync/devices', { as: agent, body: { deviceId } })
      expect((await call(env, 'POST', `/api/sync/devices/${deviceId}/revoke`, { as: agent })).status).toBe(403)
      expect((await call(env, 'POST', `/api/sync/devices/${deviceId}/revoke`, { as: otherCoordinator })).status).toBe(403)
      expect((await call(env, 'POST', `/api/sync/devices/unknown-device-0000/revoke`, { as: coordinator })).status).toBe(404)
    })
  })
}
