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
import { ephemeralProtection } from '../../packages/server/src/protection/settings.ts'
import { ensureMatchIndex } from '../../packages/server/src/tracing/match-index.ts'
import { alertNewCandidates } from '../../packages/server/src/tracing/alerts.ts'
import { Role } from '@faro/core'

// The Faro server as its own process for the benchmarks, so client and server do not share an
// event loop. Usage: bench-server.ts <sqlite-file | postgres://…> <username> <password> [role] [unit]
// (the account: a field agent of beta-tijuana unless a role and unit are given).
// Prints {"port": N} once it listens. On SIGUSR2 it runs the search job's pass over the registry
// records that arrived since the last one (tracing/alerts.ts, as jobs.ts runs it every minute)
// and prints {"alertPass": {records, alerts, ms}}.

const [target, username, password, role = 'field_agent', unit = 'beta-tijuana'] = process.argv.slice(2)
if (!target || !username || !password) {
  throw new Error('usage: bench-server.ts <sqlite-file | postgres-url> <username> <password> [role] [unit]')
}
const db = openDb(target.startsWith('postgres://') ? { kind: 'postgres', url: target } : { kind: 'sqlite', file: target })
await migrateToLatest(db)
await seedOrgUnits(db, systemClock)
if ((await findUserByUsername(db.db, username)) === undefined) {
  await createUser(systemCtx(db, systemClock), { username, displayName: 'Bench agent', role: Role.parse(role), orgUnitId: unit, password })
}
// As in production (server.ts): on SQLite, pushes are written by their own thread.
if (!target.startsWith('postgres://') && process.env.BENCH_WRITER_THREAD !== '0') {
  startPushWriter(db, target)
}
const config: AppDeps['config'] = { maxBodyBytes: 1024 * 1024, secureCookies: 'false', trustProxy: false, sessionHours: 12, webDist: process.env.BENCH_WEB_DIST ?? '/nonexistent' }
const protection = ephemeralProtection()
const app = createApp({ db, clock: systemClock, config, logger: pino({ level: 'silent' }), protection })
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`)
})
process.on('SIGUSR2', () => {
  const start = performance.now()
  void (async () => {
    await ensureMatchIndex(db, protection.keyring)
    const pass = await alertNewCandidates(db, systemClock, protection.keyring)
    process.stdout.write(`${JSON.stringify({ alertPass: { ...pass, ms: performance.now() - start } })}\n`)
  })().catch((error: unknown) => process.stdout.write(`${JSON.stringify({ alertPass: { error: String(error) } })}\n`))
})
// Exit normally on SIGTERM, so a CPU profile asked for with BENCH_PROFILE is written.
process.on('SIGTERM', () => process.exit(0))
