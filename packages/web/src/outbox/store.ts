import type { RecordType } from '@faro/core'
import { Dexie, type Table } from 'dexie'
import { deriveKey, keyMatches, newSalt, open, seal, sealCheck, type Sealed } from './crypto.ts'
import type { FieldError, PushAction, PushResult } from './types.ts'
import { uuidv7 } from './uuidv7.ts'

/** Where an action stands on the device. Only `sent` actions are ever purged. */
export type OutboxStatus = 'pending' | 'sent' | 'attention'

/** An action as stored: what the count needs in the clear, the rest sealed with the PIN key. */
export interface StoredAction {
  id: string
  deviceCounter: number
  recordType: RecordType
  type: string
  createdAt: string
  status: OutboxStatus
  sentAt?: string
  seq?: number
  outcome?: 'conflict' | 'rejected'
  reason?: string
  errors?: FieldError[]
  iv: Uint8Array
  data: ArrayBuffer
}

/** The sealed part of an action. */
interface SealedBody {
  recordId: string
  payload: Record<string, unknown>
  clientTime: string
}

interface MetaRow {
  key: string
  value: unknown
}

export interface DeviceInfo {
  deviceId: string
  /** The counter the next action gets; persisted so it is never reused. */
  nextCounter: number
  registered: boolean
}

/** A new action before the outbox gives it an id and a counter. */
export interface Draft {
  recordType: RecordType
  recordId: string
  type: string
  payload: Record<string, unknown>
}

export interface OutboxCounts {
  pending: number
  oldestPendingAt: string | undefined
  attention: number
}

/** An action in "needs attention", opened with the key. */
export interface AttentionItem {
  action: PushAction
  outcome: 'conflict' | 'rejected' | undefined
  reason: string | undefined
  errors: FieldError[]
}

export const DEFAULT_PURGE_DAYS = 7
const DAY_MS = 86_400_000

/**
 * The field outbox of one account on one device, in IndexedDB. Every write that the UI reports
 * as "saved" has committed here first.
 */
export class FieldStore {
  readonly db: Dexie
  private readonly actions: Table<StoredAction, string>
  private readonly meta: Table<MetaRow, string>

  private readonly now: () => number
  private readonly iterations: number | undefined

  /** `now` and `pbkdf2Iterations` are for tests: a fixed clock and a fast key derivation. */
  constructor(name: string, options: { now?: () => number; pbkdf2Iterations?: number } = {}) {
    this.now = options.now ?? Date.now
    this.iterations = options.pbkdf2Iterations
    this.db = new Dexie(name)
    this.db.version(1).stores({ actions: 'id, status, deviceCounter', meta: 'key', reference: 'key' })
    this.actions = this.db.table('actions')
    this.meta = this.db.table('meta')
  }

  /** The device identity, created on first use: a UUIDv7 without dashes (docs/sync.md). */
  async device(): Promise<DeviceInfo> {
    return this.db.transaction('rw', this.meta, async () => {
      const found = await this.getMeta('device')
      if (isDevice(found)) {
        return found
      }
      const created: DeviceInfo = { deviceId: uuidv7(this.now()).replaceAll('-', ''), nextCounter: 1, registered: false }
      await this.meta.put({ key: 'device', value: created })
      return created
    })
  }

  async markRegistered(): Promise<void> {
    await this.db.transaction('rw', this.meta, async () => {
      const found = await this.getMeta('device')
      if (isDevice(found)) {
        await this.meta.put({ key: 'device', value: { ...found, registered: true } })
      }
    })
  }

  async hasPin(): Promise<boolean> {
    return isPinRow(await this.getMeta('pin'))
  }

  /** Sets the PIN of a device that has none yet and returns the key it opens. */
  async setPin(pin: string): Promise<CryptoKey> {
    const salt = newSalt()
    const key = await deriveKey(pin, salt, this.iterations)
    const check = await sealCheck(key)
    await this.meta.put({ key: 'pin', value: { salt, check } })
    return key
  }

  /** The key for a PIN, or undefined when the PIN is wrong. */
  async unlock(pin: string): Promise<CryptoKey | undefined> {
    const row = await this.getMeta('pin')
    if (!isPinRow(row)) {
      return undefined
    }
    const key = await deriveKey(pin, row.salt, this.iterations)
    return (await keyMatches(key, row.check)) ? key : undefined
  }

  /** Seals and queues a new action; the counter is taken in the same transaction as the insert. */
  async enqueue(key: CryptoKey, draft: Draft): Promise<PushAction> {
    await this.device()
    const createdAt = new Date(this.now()).toISOString()
    const id = uuidv7(this.now())
    const body: SealedBody = { recordId: draft.recordId, payload: draft.payload, clientTime: createdAt }
    const sealed = await seal(key, body)
    const deviceCounter = await this.db.transaction('rw', this.meta, this.actions, async () => {
      const found = await this.getMeta('device')
      if (!isDevice(found)) {
        throw new Error('the device row disappeared')
      }
      await this.meta.put({ key: 'device', value: { ...found, nextCounter: found.nextCounter + 1 } })
      await this.actions.add({ id, deviceCounter: found.nextCounter, recordType: draft.recordType, type: draft.type, createdAt, status: 'pending', iv: sealed.iv, data: sealed.data })
      return found.nextCounter
    })
    return { id, deviceCounter, recordType: draft.recordType, recordId: draft.recordId, type: draft.type, payload: draft.payload, clientTime: createdAt }
  }

  /** What the always-visible status line shows; needs no key. */
  async counts(): Promise<OutboxCounts> {
    const pending = await this.actions.where('status').equals('pending').sortBy('createdAt')
    const attention = await this.actions.where('status').equals('attention').count()
    return { pending: pending.length, oldestPendingAt: pending[0]?.createdAt, attention }
  }

  /** Pending actions in counter order, opened with the key. */
  async pending(key: CryptoKey): Promise<PushAction[]> {
    const rows = await this.actions.where('status').equals('pending').sortBy('deviceCounter')
    return Promise.all(rows.map((row) => this.openAction(key, row)))
  }

  async attention(key: CryptoKey): Promise<AttentionItem[]> {
    const rows = await this.actions.where('status').equals('attention').sortBy('deviceCounter')
    return Promise.all(
      rows.map(async (row) => ({ action: await this.openAction(key, row), outcome: row.outcome, reason: row.reason, errors: row.errors ?? [] })),
    )
  }

  /** Recently sent actions, newest first, for the agent's own "sent" list. */
  async sent(key: CryptoKey, limit = 20): Promise<PushAction[]> {
    const rows = await this.actions.where('status').equals('sent').reverse().sortBy('deviceCounter')
    return Promise.all(rows.slice(0, limit).map((row) => this.openAction(key, row)))
  }

  /**
   * The actions of one record type still on the device, pending or sent (not those in "needs
   * attention", which the server did not take), in the order they were made: what the phone can
   * fold on its own, e.g. the day's tallies.
   */
  async ofType(key: CryptoKey, recordType: RecordType): Promise<PushAction[]> {
    const rows = await this.actions.orderBy('deviceCounter').filter((row) => row.recordType === recordType && row.status !== 'attention').toArray()
    return Promise.all(rows.map((row) => this.openAction(key, row)))
  }

  /**
   * Records the server's answers. Only `accepted` and `duplicate` take an action out of the
   * pending set; `conflict` and `rejected` move it to "needs attention" with the reason.
   */
  async applyResults(results: readonly PushResult[]): Promise<void> {
    const sentAt = new Date(this.now()).toISOString()
    await this.db.transaction('rw', this.actions, async () => {
      for (const result of results) {
        const row = await this.actions.get(result.id)
        if (!row || row.status !== 'pending') {
          continue
        }
        if (result.status === 'accepted' || result.status === 'duplicate') {
          await this.actions.update(result.id, { status: 'sent', sentAt, seq: result.seq })
        } else {
          await this.actions.update(result.id, { status: 'attention', outcome: result.status, reason: result.reason, errors: result.errors })
        }
      }
    })
  }

  /** Deletes sent actions older than `days`; pending and attention actions are never purged. */
  async purgeSent(days: number): Promise<number> {
    const limit = new Date(this.now() - days * DAY_MS).toISOString()
    return this.actions.where('status').equals('sent').filter((row) => (row.sentAt ?? '') < limit).delete()
  }

  async purgeDays(): Promise<number> {
    const value = await this.getMeta('purgeDays')
    return typeof value === 'number' && value >= 1 ? value : DEFAULT_PURGE_DAYS
  }

  async setPurgeDays(days: number): Promise<void> {
    await this.meta.put({ key: 'purgeDays', value: Math.max(1, Math.round(days)) })
  }

  /**
   * A value kept on the device sealed with the PIN key, like the outbox payloads (e.g. the open
   * patrol's route). Undefined when there is none.
   */
  async getSealed(key: CryptoKey, name: string): Promise<unknown> {
    const row = await this.getMeta(`sealed:${name}`)
    return isSealed(row) ? open(key, row) : undefined
  }

  async putSealed(key: CryptoKey, name: string, value: unknown): Promise<void> {
    const sealed = await seal(key, value)
    await this.meta.put({ key: `sealed:${name}`, value: sealed })
  }

  /** Whether a sealed value exists; needs no key (only its name is in the clear). */
  async hasSealed(name: string): Promise<boolean> {
    return isSealed(await this.getMeta(`sealed:${name}`))
  }

  async deleteSealed(name: string): Promise<void> {
    await this.meta.delete(`sealed:${name}`)
  }

  async getReference(key: string): Promise<unknown> {
    const row = await this.db.table<MetaRow, string>('reference').get(key)
    return row?.value
  }

  async putReference(key: string, value: unknown): Promise<void> {
    await this.db.table<MetaRow, string>('reference').put({ key, value })
  }

  /** Removes every record, key and outbox entry of this account on this device. */
  async wipe(): Promise<void> {
    this.db.close()
    await Dexie.delete(this.db.name)
  }

  private async getMeta(key: string): Promise<unknown> {
    return (await this.meta.get(key))?.value
  }

  private async openAction(key: CryptoKey, row: StoredAction): Promise<PushAction> {
    const body = await open(key, { iv: row.iv, data: row.data })
    if (!isSealedBody(body)) {
      throw new Error(`action ${row.id} has an unreadable body`)
    }
    return { id: row.id, deviceCounter: row.deviceCounter, recordType: row.recordType, recordId: body.recordId, type: row.type, payload: body.payload, clientTime: body.clientTime }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isDevice(value: unknown): value is DeviceInfo {
  return isObject(value) && typeof value.deviceId === 'string' && typeof value.nextCounter === 'number' && typeof value.registered === 'boolean'
}

function isPinRow(value: unknown): value is { salt: Uint8Array; check: Sealed } {
  return isObject(value) && value.salt instanceof Uint8Array && isObject(value.check)
}

function isSealed(value: unknown): value is Sealed {
  return isObject(value) && value.iv instanceof Uint8Array && value.data instanceof ArrayBuffer
}

function isSealedBody(value: unknown): value is SealedBody {
  return isObject(value) && typeof value.recordId === 'string' && isObject(value.payload) && typeof value.clientTime === 'string'
}
