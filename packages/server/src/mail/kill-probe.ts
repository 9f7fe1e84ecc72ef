// Run as a child process by kill.test.ts, which kills it mid-work. `commit`: queue three messages
// in one committed transaction, then die before sending. `send`: start sending to an SMTP server
// that never answers, and die while waiting.
import { systemClock } from '../clock.ts'
import { openDb } from '../db/open.ts'
import { enqueue } from './outbox.ts'
import { createTransport, sendDue } from './sender.ts'

const [file, mode, userId, smtpUrl] = process.argv.slice(2)
const db = openDb({ kind: 'sqlite', file: file ?? '' })
if (mode === 'commit') {
  await db.db.transaction().execute(async (trx) => {
    await enqueue(trx, [1, 2, 3].map((n) => ({ key: `kill:commit:${n}`, recipient: { kind: 'user' as const, id: userId ?? '' }, template: 'case_reminder' as const, lang: 'es', params: { folio: `PA-26-000${n}-X`, due: 'mañana', link: '/x' } })), systemClock.now())
  })
  process.stdout.write('committed\n')
  process.kill(process.pid, 'SIGKILL')
} else {
  const settings = { url: smtpUrl, from: 'Faro <no-reply@faro.test>' }
  void sendDue(db.db, systemClock, createTransport(settings), settings)
  setTimeout(() => {
    process.stdout.write('sending\n')
    process.kill(process.pid, 'SIGKILL')
  }, 800)
}
