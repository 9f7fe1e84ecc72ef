import { serve } from '@hono/node-server'
import pino from 'pino'
import { systemClock } from '../../packages/server/src/clock.ts'
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts'
import { openDb } from '../../packages/server/src/db/open.ts'
import { createApp, type AppDeps } from '../../packages/server/src/http/app.ts'
import { findUserByUsername } from '../../packages/server/src/accounts/users-repo.ts'
import { createUser } from '../../packages/server/src/accounts/accounts.ts'
import { startPushWriter } from '../../packages/server/src/field/sync/push-writer.ts'
import { seedOrgUnits, systemCtx } from '../../packages/server/src/seed/demo.ts'

// The Faro server as its own process for the benchmarks, so client and server do not share an
// event loop. Usage: bench-server.ts <sqlite-file | postgres://…> <username> <password>
// Prints {"port": N} once it listens.

const [target, username, password] = process.argv.slice(2)
if (!target || !username || !password) {
  throw new Error('usage: bench-server.ts <sqlite-file | postgres-url> <username> <password>')
}
const db = openDb(target.startsWith('postgres://') ? { kind: 'postgres', url: target } : { kind: 'sqlite', file: target })
await migrateToLatest(db)
await seedOrgUnits(db, systemClock)
if ((await findUserByUsername(db.db, username)) === undefined) {
  await createUser(systemCtx(db, systemClock), { username, displayName: 'Bench agent', role: 'field_agent', orgUnitId: 'beta-tijuana', password })
}
// As in production (server.ts): on SQLite, pushes are written by their own thread.
if (!target.startsWith('postgres://') && process.env.BENCH_WRITER_THREAD !== '0') {
  startPushWriter(db, target)
}
const config: AppDeps['config'] = { maxBodyBytes: 1024 * 1024, secureCookies: 'false', trustProxy: false, sessionHours: 12, webDist: '/nonexistent' }
const app = createApp({ db, clock: systemClock, config, logger: pino({ level: 'silent' }) })
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`)
})
// Exit normally on SIGTERM, so a CPU profile asked for with BENCH_PROFILE is written.
process.on('SIGTERM', () => process.exit(0))
