import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'
import { startTestSmtp, type TestSmtp } from '../test/smtp-server.ts'
import { sweepCases } from '../cases/notices.ts'
import { enqueue } from './outbox.ts'
import { createTransport, retryDelayMs, sendDue } from './sender.ts'

for (const dialect of testDialects()) {
  describe(`${dialect}: mail`, () => {
    let env: TestEnv
    let smtp: TestSmtp
    let volunteer: Session
    let liaisonId: string
    const settings = () => ({ url: smtp.url, from: 'Faro <no-reply@faro.test>' })

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      smtp = await startTestSmtp()
      volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'module-tijuana-airport')).username)
      const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
      const created = await call(env, 'POST', '/api/users', { as: admin, body: { username: `oic.aga.${dialect}`, displayName: 'Enlace OIC Aduanas', role: 'agency_liaison', orgUnitId: 'oic-aga', password: 'una contraseña larga de prueba', email: 'enlace.oic@aduanas.test' } })
      expect(created.status).toBe(201)
      liaisonId = ((await created.json()) as { id: string }).id
    })
    afterAll(async () => {
      await smtp?.close()
      await env?.close()
    })

    async function send() {
      const transport = createTransport(settings())
      try {
        return await sendDue(env.db.db, env.clock, transport, settings())
      } finally {
        transport?.close()
      }
    }

    it('writes to the liaisons of the body a new case is routed to, once, with the folio and no personal data', async () => {
      const res = await call(env, 'POST', '/api/cases', { as: volunteer, body: { id: newActionId(), kind: 'complaint', category: 'extortion', channel: 'module', description: 'Le pidieron dinero en la aduana.', accused: { agencyId: 'agency-aga' } } })
      const { folio } = (await res.json()) as { folio: string }
      const before = smtp.received.length
      expect(await send()).toEqual({ sent: 1, failed: 0 })
      expect(await send()).toEqual({ sent: 0, failed: 0 })
      const mail = smtp.received.slice(before)
      expect(mail).toHaveLength(1)
      expect(mail[0]?.to).toEqual(['enlace.oic@aduanas.test'])
      expect(mail[0]?.header('Subject')).toBe(`Nuevo caso ${folio} para su dependencia`)
      expect(mail[0]?.raw).not.toContain('Le pidieron dinero')
      expect(mail[0]?.header('Message-ID')).toMatch(/@faro>$/)
    })

    it('queues one message per idempotency key, however often it is asked', async () => {
      const message = { key: `test:${newActionId()}`, recipient: { kind: 'user' as const, id: liaisonId }, template: 'case_reminder' as const, lang: 'es', params: { folio: 'PA-26-0000-0', due: 'mañana', link: '/app/cases/x' } }
      await enqueue(env.db.db, [message], env.clock.now())
      await enqueue(env.db.db, [message, message], env.clock.now())
      const rows = await env.db.db.selectFrom('mailOutbox').select('id').where('idempotencyKey', '=', message.key).execute()
      expect(rows).toHaveLength(1)
      await send()
    })

    it('tries again later when the server refuses, and sends it then', async () => {
      const key = `test:${newActionId()}`
      await enqueue(env.db.db, [{ key, recipient: { kind: 'user', id: liaisonId }, template: 'case_reminder', lang: 'es', params: { folio: 'PA-26-0000-0', due: 'mañana', link: '/x' } }], env.clock.now())
      smtp.refuseNext(1)
      expect(await send()).toEqual({ sent: 0, failed: 1 })
      const row = await env.db.db.selectFrom('mailOutbox').selectAll().where('idempotencyKey', '=', key).executeTakeFirstOrThrow()
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'EENVELOPE' })
      expect(await send()).toEqual({ sent: 0, failed: 0 })
      env.clock.advance(retryDelayMs(1))
      expect(await send()).toEqual({ sent: 1, failed: 0 })
    })

    it('reminds the body at half its time, escalates to the national office when overdue, and does not repeat itself', async () => {
      const coordinator = await call(env, 'POST', '/api/users', { as: await signIn(env, (await makeUser(env, 'administrator', 'inm')).username), body: { username: `paisano.${dialect}`, displayName: 'Coordinación', role: 'paisano_coordinator', orgUnitId: 'paisano', password: 'una contraseña larga de prueba', email: 'coordinacion@paisano.test' } })
      expect(coordinator.status).toBe(201)
      await call(env, 'POST', '/api/cases', { as: volunteer, body: { id: newActionId(), kind: 'complaint', category: 'mistreatment', channel: 'module', description: 'Le gritaron en la revisión.', accused: { agencyId: 'agency-aga' } } })
      await send()
      const before = smtp.received.length
      // Two business days to acknowledge: a day and a half later the reminder is due.
      env.clock.advance(36 * 3_600_000)
      await sweepCases(env.db.db, env.clock, {})
      await sweepCases(env.db.db, env.clock, {})
      await send()
      const reminders = smtp.received.slice(before)
      expect(reminders.map((m) => m.header('Subject'))).toEqual([expect.stringMatching(/^Recordatorio: el caso PA-/)])
      // Well past the time to acknowledge: the body and the national office hear of it, once.
      env.clock.advance(5 * 86_400_000)
      await sweepCases(env.db.db, env.clock, {})
      await sweepCases(env.db.db, env.clock, {})
      await send()
      const overdue = smtp.received.slice(before + 1).filter((m) => /vencido/.test(m.header('Subject') ?? ''))
      expect(overdue.map((m) => m.to[0]).sort()).toContain('coordinacion@paisano.test')
      expect(overdue.map((m) => m.to[0]).sort()).toContain('enlace.oic@aduanas.test')
      expect(new Set(overdue.map((m) => `${m.to[0] ?? ''}${m.header('Subject') ?? ''}`)).size).toBe(overdue.length)
    })
  })
}
