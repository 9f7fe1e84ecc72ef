import { serve } from '@hono/node-server'
import pino from 'pino'
import { systemClock } from '../../clock.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { openDb } from '../../db/open.ts'
import { createApp, type AppDeps } from '../../http/app.ts'
import { findUserByUsername } from '../../accounts/users-repo.ts'
import { createUser } from '../../accounts/accounts.ts'
import { startPushWriter } from './push-writer.ts'
import { seedOrgUnits, systemCtx } from '../../seed/demo.ts'

// A real Faro server process on a SQLite file, for the kill -9 chaos test: it prints its port
// and serves until it is killed. Usage: node --import tsx chaos-server.ts <db-file> <username> <password>

const [file, username, password] = process.argv.slice(2)
if (!file || !username || !password) {
  throw new Error('usage: chaos-server.ts <db-file> <username> <password>')
}
const db = openDb({ kind: 'sqlite', file })
await migrateToLatest(db)
await seedOrgUnits(db, systemClock)
if ((await findUserByUsername(db.db, username)) === undefined) {
  await createUser(systemCtx(db, systemClock), { username, displayName: 'Chaos agent', role: 'field_agent', orgUnitId: 'beta-tijuana', password })
}
// As in production (server.ts): pushes are written by their own thread, so a kill can land there.
startPushWriter(db, file)
const config: AppDeps['config'] = { maxBodyBytes: 1024 * 1024, secureCookies: 'false', trustProxy: false, sessionHours: 12, webDist: '/nonexistent' }
const app = createApp({ db, clock: systemClock, config, logger: pino({ level: 'silent' }) })
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`)
})
