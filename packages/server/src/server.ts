import { serve, type ServerType } from '@hono/node-server'
import type { Logger } from 'pino'
import { offsetFileClock, systemClock } from './clock.ts'
import type { Config } from './config.ts'
import { migrateDatabase } from './db/migrate.ts'
import { openDb, type Db } from './db/open.ts'
import { createApp } from './http/app.ts'
import { startProtectionJobs } from './protection/job.ts'
import { startJobs } from './jobs/jobs.ts'
import { startPushWriter } from './field/sync/push-writer.ts'
import { sealPlainTotpSecrets } from './accounts/totp-secrets.ts'
import type { ProtectionDeps } from './protection/settings.ts'

export interface RunningServer {
  server: ServerType
  db: Db
  port: number
  stop(): Promise<void>
}

/** Migrates the database (as its owner when an owner URL is given) and serves Faro until stopped. */
export async function startServer(config: Config, logger: Logger, protection: ProtectionDeps): Promise<RunningServer> {
  const db = openDb(config.database)
  await migrateDatabase(db, config.database)
  await sealPlainTotpSecrets(db, protection.keyring, logger)
  const stopProtection = await startProtectionJobs(db, systemClock, protection, logger)
  const stopScheduled = startJobs(db, systemClock, config, protection.keyring, logger)
  const stopJobs = () => {
    stopProtection()
    stopScheduled()
  }
  const writer = config.database.kind === 'sqlite' && config.database.file !== ':memory:' ? startPushWriter(db, config.database.file, (error) => logger.error({ err: error }, 'push writer thread failed; pushes go on in the request thread')) : undefined
  const app = createApp({ db, clock: config.clockOffsetFile === undefined ? systemClock : offsetFileClock(config.clockOffsetFile), config: { ...config, holidays: config.protection.holidays }, logger, protection })
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      resolve({
        server,
        db,
        port: info.port,
        stop: () =>
          new Promise<void>((done) => {
            stopJobs()
            server.close(() => {
              void (async () => {
                await writer?.close()
                await db.close()
                done()
              })()
            })
          }),
      })
    })
  })
}
