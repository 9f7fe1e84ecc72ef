import type { Logger } from 'pino'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Db } from '../db/open.ts'
import { sweepCases } from '../cases/notices.ts'
import { createTransport, sendDue } from '../mail/sender.ts'
import type { Keyring } from '../protection/keyring.ts'
import { Scheduler, type Job } from './scheduler.ts'
import { runDueExports } from '../statistics/export/run.ts'
import { alertNewCandidates } from '../tracing/alerts.ts'
import { ensureMatchIndex } from '../tracing/match-index.ts'

/**
 * The scheduled work of a running server — sending mail, the case deadline sweep, the search of
 * open location requests for each new registry record — each run
 * once however many processes serve the database. Logs counts only, never an address.
 */
export function startJobs(db: Db, clock: Clock, config: Pick<Config, 'mail' | 'publicUrl'>, keyring: Keyring, logger: Logger, tickMs = 5_000): () => void {
  const transport = createTransport({ url: config.mail.smtpUrl, from: config.mail.from, keyring })
  const jobs: Job[] = [
    {
      name: 'mail.send',
      everyMs: 10_000,
      leaseMs: 5 * 60_000,
      run: async () => {
        const { sent, failed } = await sendDue(db.db, clock, transport, { url: config.mail.smtpUrl, from: config.mail.from, keyring })
        if (sent + failed > 0) {
          logger.info({ sent, failed }, 'mail sent')
        }
      },
    },
    {
      name: 'cases.sweep',
      everyMs: 5 * 60_000,
      leaseMs: 10 * 60_000,
      run: async () => {
        const { cases, messages } = await sweepCases(db.db, clock, { publicUrl: config.publicUrl })
        if (cases > 0) {
          logger.info({ cases, messages }, 'case deadlines swept')
        }
      },
    },
    {
      name: 'tracing.alerts',
      everyMs: 60_000,
      leaseMs: 10 * 60_000,
      run: async () => {
        const reindexed = await ensureMatchIndex(db, keyring)
        if (reindexed > 0) {
          logger.info({ reindexed }, 'identities indexed again for the search for missing migrants')
        }
        const { records, alerts } = await alertNewCandidates(db, clock, keyring, { publicUrl: config.publicUrl })
        if (records > 0) {
          logger.info({ records, alerts }, 'registry records matched against open location requests')
        }
      },
    },
    {
      // Exports start in the process that queued them; this picks up those left queued or whose
      // process died mid-way (their lease ran out), and drops the files past their 24 hours.
      name: 'statistics.exports',
      everyMs: 15_000,
      leaseMs: 30 * 60_000,
      run: async () => {
        const { ran, expired } = await runDueExports({ db, clock, logger })
        if (ran + expired > 0) {
          logger.info({ ran, expired }, 'statistics exports picked up or expired')
        }
      },
    },
  ]
  const scheduler = new Scheduler(db.db, clock, jobs, (job, error) => logger.error({ err: error, job }, 'scheduled job failed'))
  const stop = scheduler.start(tickMs)
  return () => {
    stop()
    transport?.close()
  }
}
