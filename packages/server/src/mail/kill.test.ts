import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { makeTestDb } from '../test/harness.ts'
import { startTestSmtp, type TestSmtp } from '../test/smtp-server.ts'
import { createTransport, sendDue } from './sender.ts'

const PROBE = path.join(import.meta.dirname, 'kill-probe.ts')

/** Runs the probe until the kernel kills it; resolves with what it printed. */
function runKilled(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PROBE, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`probe ended without being killed: ${out}`))))
  })
}

describe('sqlite: mail when the server is killed', () => {
  let dir: string
  let db: Db
  let smtp: TestSmtp
  let silent: net.Server
  const userId = 'kill-test-user'

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-kill-mail-'))
    db = await makeTestDb('sqlite', path.join(dir, 'faro.sqlite'))
    await db.db.insertInto('orgUnits').values({ id: 'inm', parentId: null, path: '/inm/', kind: 'national_office', name: 'INM', code: null, state: null, city: null, border: null, lat: null, lon: null, demo: 0, createdAt: new Date().toISOString() }).execute()
    await db.db.insertInto('users').values({ id: userId, username: 'enlace.kill', displayName: 'Enlace', role: 'agency_liaison', orgUnitId: 'inm', disabled: 0, demo: 0, createdAt: new Date().toISOString(), email: 'enlace@kill.test' }).execute()
    smtp = await startTestSmtp()
    // An SMTP server that accepts the connection and never says a word.
    silent = net.createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    silent?.close()
    await smtp?.close()
    await db?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function sendNow(clock = new ManualClock(new Date())) {
    const settings = { url: smtp.url, from: 'Faro <no-reply@faro.test>' }
    const transport = createTransport(settings)
    try {
      return await sendDue(db.db, clock, transport, settings)
    } finally {
      transport?.close()
    }
  }

  it('sends each message queued before the kill once, after the restart', async () => {
    expect(await runKilled([path.join(dir, 'faro.sqlite'), 'commit', userId])).toBe('committed\n')
    expect(await sendNow()).toEqual({ sent: 3, failed: 0 })
    expect(await sendNow()).toEqual({ sent: 0, failed: 0 })
    const subjects = smtp.received.map((m) => m.header('Subject'))
    for (const n of [1, 2, 3]) {
      expect(subjects.filter((s) => s?.includes(`PA-26-000${n}-X`))).toHaveLength(1)
    }
  })

  it('sends a message whose sender was killed mid-send once, when its claim runs out', async () => {
    const before = smtp.received.length
    await db.db.insertInto('mailOutbox').values({ id: 'kill-send-1', idempotencyKey: 'kill:send:1', recipientKind: 'user', recipientId: userId, template: 'case_reminder', lang: 'es', params: JSON.stringify({ folio: 'PA-26-0009-X', due: 'mañana', link: '/x' }), status: 'pending', nextAttemptAt: new Date(0).toISOString(), createdAt: new Date().toISOString() }).execute()
    const { port } = silent.address() as net.AddressInfo
    expect(await runKilled([path.join(dir, 'faro.sqlite'), 'send', userId, `smtp://127.0.0.1:${port}`])).toBe('sending\n')
    expect(await db.db.selectFrom('mailOutbox').select('status').where('id', '=', 'kill-send-1').executeTakeFirstOrThrow()).toEqual({ status: 'sending' })
    // While the dead process's claim holds, nobody else sends it.
    expect(await sendNow()).toEqual({ sent: 0, failed: 0 })
    expect(await sendNow(new ManualClock(new Date(Date.now() + 3 * 60_000)))).toEqual({ sent: 1, failed: 0 })
    expect(smtp.received.slice(before).filter((m) => m.header('Subject')?.includes('PA-26-0009-X'))).toHaveLength(1)
  })
})
