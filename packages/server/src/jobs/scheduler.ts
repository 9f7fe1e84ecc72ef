import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/schema.ts'

/** A piece of scheduled work: how often, and what to do; `dueAt` is the run it was claimed for. */
export interface Job {
  name: string
  everyMs: number
  /** Longest a run may take before another process may take over. */
  leaseMs: number
  run(dueAt: string): Promise<void>
}

/**
 * Runs scheduled jobs so that each due run happens once, however many Faro processes share the
 * database. A process claims a run with one conditional update of the job's row — only if the
 * run is due and nobody holds an unexpired lease — which moves the next run forward in the same
 * statement; the database lets exactly one update through. No lock is held while the job runs.
 */
export class Scheduler {
  readonly id = randomUUID()

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly jobs: readonly Job[],
    private readonly onError: (job: string, error: unknown) => void = () => undefined,
  ) {}

  /** Claims and runs every job that is due now; returns the names of those this process ran. */
  async tick(): Promise<string[]> {
    const ran: string[] = []
    for (const job of this.jobs) {
      const dueAt = await this.claim(job)
      if (dueAt === undefined) {
        continue
      }
      try {
        await job.run(dueAt)
        ran.push(job.name)
      } catch (error) {
        this.onError(job.name, error)
      } finally {
        await this.db.updateTable('scheduledJobs').set({ lockedBy: null, lockedUntil: null, lastRunAt: this.clock.now().toISOString() }).where('name', '=', job.name).where('lockedBy', '=', this.id).execute()
      }
    }
    return ran
  }

  /** Takes the job's due run for this process; undefined when it is not due or someone has it. */
  private async claim(job: Job): Promise<string | undefined> {
    const now = this.clock.now()
    const at = now.toISOString()
    await this.db.insertInto('scheduledJobs').values({ name: job.name, nextRunAt: at }).onConflict((oc) => oc.column('name').doNothing()).execute()
    const row = await this.db.selectFrom('scheduledJobs').select('nextRunAt').where('name', '=', job.name).executeTakeFirst()
    if (row === undefined || row.nextRunAt > at) {
      return undefined
    }
    const result = await this.db
      .updateTable('scheduledJobs')
      .set((eb) => ({ nextRunAt: new Date(now.getTime() + job.everyMs).toISOString(), lockedBy: this.id, lockedUntil: new Date(now.getTime() + job.leaseMs).toISOString(), runs: eb('runs', '+', 1) }))
      .where('name', '=', job.name)
      .where('nextRunAt', '=', row.nextRunAt)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', at)]))
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1 ? row.nextRunAt : undefined
  }

  /** Ticks every `ms` until the returned function is called; the timer does not keep Node alive. */
  start(ms: number): () => void {
    let busy = false
    const timer = setInterval(() => {
      if (busy) {
        return
      }
      busy = true
      this.tick()
        .catch((error: unknown) => this.onError('scheduler', error))
        .finally(() => {
          busy = false
        })
    }, ms)
    timer.unref()
    return () => clearInterval(timer)
  }
}
