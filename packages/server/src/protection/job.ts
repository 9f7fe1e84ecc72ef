import type { Logger } from 'pino'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { AuditCtx } from '../log/audit.ts'
import { reapplyShredList, runRetention } from './retention/retention.ts'
import type { ProtectionDeps } from './settings.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** The system as the actor of scheduled protection work, in audit rows. */
export function retentionCtx(db: Db, clock: Clock): AuditCtx {
  return { db, clock, requestId: 'retention-job', actor: { userId: 'system', role: 'system', orgUnitId: 'inm' } }
}

/**
 * Starts the protection work of a running server: erased identities restored from a backup are
 * shredded again at once, then the retention job runs now and every day. Logs counts only.
 */
export async function startProtectionJobs(db: Db, clock: Clock, p: ProtectionDeps, logger: Logger): Promise<() => void> {
  const ctx = retentionCtx(db, clock)
  const again = await reapplyShredList(ctx, p)
  if (again > 0) {
    logger.warn({ count: again }, 'erased identities came back (restored backup?) and were shredded again')
  }
  const run = async () => {
    try {
      const { shredded } = await runRetention(ctx, p)
      logger.info({ shredded: shredded.length }, 'retention run')
    } catch (error) {
      logger.error({ err: error }, 'retention run failed')
    }
  }
  await run()
  const timer = setInterval(() => void run(), DAY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
