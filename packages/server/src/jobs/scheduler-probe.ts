// Run as a child process by scheduler.test.ts: a Faro process that ticks its scheduler against a
// shared database for a while, its one job writing each run it claimed to a probe table. Prints
// how many runs it made and any error as JSON on stdout.
import { sql } from 'kysely'
import { systemClock } from '../clock.ts'
import { openDb } from '../db/open.ts'
import { Scheduler } from './scheduler.ts'

const [url, durationText] = process.argv.slice(2)
const db = openDb({ kind: 'postgres', url: url ?? '' })
const errors: string[] = []
let runs = 0
const scheduler = new Scheduler(
  db.db,
  systemClock,
  [
    {
      name: 'probe',
      everyMs: 50,
      leaseMs: 10_000,
      run: async (dueAt) => {
        runs += 1
        await sql`insert into probe_runs (due_at, pid) values (${dueAt}, ${process.pid})`.execute(db.db)
      },
    },
  ],
  (_job, error) => errors.push(String(error)),
)
const until = Date.now() + Number(durationText ?? '2000')
while (Date.now() < until) {
  await scheduler.tick()
  await new Promise((resolve) => setTimeout(resolve, 5))
}
await db.close()
process.stdout.write(JSON.stringify({ runs, errors }))
