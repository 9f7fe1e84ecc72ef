import fs from 'node:fs'

// CPU time per thread of a process, from Linux's /proc, for seeing which thread a benchmark is
// bound by. Elsewhere the samples are empty and the report says so.

export type ThreadTimes = Map<number, number>

const TICKS_PER_SECOND = 100

/** User plus system time of each thread of a process, in seconds. */
export function threadTimes(pid: number): ThreadTimes {
  const times: ThreadTimes = new Map()
  let tids: string[]
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`)
  } catch {
    return times
  }
  for (const tid of tids) {
    try {
      // The name field may hold spaces; the counters follow its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      times.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND)
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times
}

/** "main 67%, others 90% 4% 4% …": each thread's share of one core between two samples. */
export function describeThreadCpu(pid: number, before: ThreadTimes, after: ThreadTimes, seconds: number): string {
  if (after.size === 0) {
    return 'per-thread CPU not available here'
  }
  const share = (tid: number) => ((after.get(tid) ?? 0) - (before.get(tid) ?? 0)) / seconds
  const others = [...after.keys()].filter((tid) => tid !== pid).map(share).filter((s) => s >= 0.01).sort((a, b) => b - a)
  const pct = (s: number) => `${Math.round(s * 100)}%`
  return `main ${pct(share(pid))}, other threads ${others.map(pct).join(' ') || 'idle'}`
}
