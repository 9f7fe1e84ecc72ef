import { v7 as uuidv7 } from 'uuid'
import { SeededRandom } from '../../seed/random.ts'

/** One action as the simulated device keeps it in its outbox. */
export interface SimAction {
  id: string
  deviceCounter: number
  recordType: 'attention' | 'patrol' | 'rescue'
  recordId: string
  type: string
  payload: Record<string, unknown>
  clientTime: string
}

export interface WireResult {
  id: string
  status: 'accepted' | 'duplicate' | 'conflict' | 'rejected'
  seq?: number
  reason?: string
}

const DAY = 86_400_000

/**
 * A field device as the client rules in docs/sync.md describe it: a monotonic counter, an outbox
 * that loses an action only on `accepted` or `duplicate`, and a "needs attention" list. Its clock
 * may be wrong by days. Everything random comes from the seeded generator, so a failing seed
 * replays exactly.
 */
export class SimDevice {
  counter = 0
  readonly outbox = new Map<string, SimAction>()
  readonly generated = new Map<string, SimAction>()
  readonly acked = new Map<string, number>()
  readonly needsAttention = new Map<string, string>()
  private readonly records: { type: SimAction['recordType']; id: string }[] = []

  constructor(
    readonly deviceId: string,
    readonly orgUnitId: string,
    private readonly random: SeededRandom,
    readonly clockSkewMs: number,
  ) {}

  /** Makes `n` new actions: mostly new records, sometimes a correction of one of its own. */
  generate(n: number, now: number): SimAction[] {
    const made: SimAction[] = []
    for (let i = 0; i < n; i++) {
      const at = now + this.clockSkewMs
      const action = this.records.length > 0 && this.random.chance(0.25) ? this.correction(at) : this.creation(at)
      this.outbox.set(action.id, action)
      this.generated.set(action.id, action)
      made.push(action)
    }
    return made
  }

  /** The outbox oldest first (the order the client sends in). */
  pending(): SimAction[] {
    return [...this.outbox.values()].sort((a, b) => a.deviceCounter - b.deviceCounter)
  }

  /**
   * Applies the server's answer. A correction refused as `record_missing` while its record's
   * creation is still in the outbox stays queued: it merely overtook the creation.
   */
  receive(results: readonly WireResult[]): void {
    for (const r of results) {
      const action = this.outbox.get(r.id)
      if (action === undefined) {
        continue
      }
      if ((r.status === 'accepted' || r.status === 'duplicate') && r.seq !== undefined) {
        this.outbox.delete(r.id)
        this.acked.set(r.id, r.seq)
        continue
      }
      if (r.status === 'rejected' && r.reason === 'record_missing' && this.creationPending(action.recordId)) {
        continue
      }
      this.outbox.delete(r.id)
      this.needsAttention.set(r.id, `${r.status}:${r.reason ?? ''}`)
    }
  }

  private creationPending(recordId: string): boolean {
    return [...this.outbox.values()].some((a) => a.recordId === recordId && a.type.endsWith('Recorded'))
  }

  private next(): { id: string; deviceCounter: number } {
    this.counter += 1
    return { id: uuidv7({ random: this.random.bytes(16), msecs: 1_790_000_000_000 + this.counter }), deviceCounter: this.counter }
  }

  private creation(at: number): SimAction {
    const type = this.random.pick(['attention', 'attention', 'attention', 'patrol', 'rescue'] as const)
    const recordId = `${this.deviceId}-r${this.counter + 1}`
    this.records.push({ type, id: recordId })
    const when = new Date(at).toISOString()
    const people = [{ count: this.random.int(1, 30), sex: this.random.pick(['female', 'male', 'unknown'] as const) }]
    const payloads = {
      attention: { type: 'AttentionRecorded', payload: { orgUnitId: this.orgUnitId, at: when, setting: 'rail_tracks', people, services: ['water', 'food', 'orientation'], location: { lat: 32 + this.random.next(), lon: -116 - this.random.next(), accuracyM: 12 } } },
      patrol: { type: 'PatrolRecorded', payload: { orgUnitId: this.orgUnitId, kind: 'preventive', startedAt: when, vehicle: 'Unidad 3', distanceKm: this.random.int(1, 90) } },
      rescue: { type: 'RescueRecorded', payload: { orgUnitId: this.orgUnitId, at: when, emergencyType: 'dehydration', people, outcome: 'first_aid' } },
    } as const
    return { ...this.next(), recordType: type, recordId, ...payloads[type], clientTime: when }
  }

  private correction(at: number): SimAction {
    const record = this.random.pick(this.records)
    const names = { attention: 'AttentionCorrected', patrol: 'PatrolCorrected', rescue: 'RescueCorrected' } as const
    const payload = record.type === 'patrol' ? { distanceKm: this.random.int(1, 90) } : { notes: `nota ${this.random.int(1, 1_000_000)}` }
    return { ...this.next(), recordType: record.type, recordId: record.id, type: names[record.type], payload, clientTime: new Date(at).toISOString() }
  }
}

/** A clock error for a device: right most of the time, else wrong by up to ±3 days. */
export function clockSkew(random: SeededRandom): number {
  return random.chance(0.5) ? 0 : Math.round((random.next() * 6 - 3) * DAY)
}

/** The seed of a chaos run: CHAOS_SEED to replay one, else a fresh one that is printed. */
export function chaosSeed(): number {
  const fromEnv = Number(process.env.CHAOS_SEED)
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31) + 1
}

/** How many runs: CHAOS_RUNS, else the default for the suite. */
export function chaosRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env.CHAOS_RUNS)
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns
}
