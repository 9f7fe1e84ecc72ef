import { Dexie, type Table } from 'dexie'
import { ApiError, NetworkError } from '../../api/client.ts'
import { open, seal, type Sealed } from '../../outbox/crypto.ts'

/** Below this many reserved folios, the device asks for a new block while it is online. */
export const LOW_FOLIOS = 5
export const FOLIO_BLOCK = 10

interface FolioRow {
  folio: string
  userId: string
  reservedAt: string
}

/** An intake waiting for the connection: its id and time in clear, the rest sealed. */
interface PendingRow {
  id: string
  userId: string
  folio: string
  createdAt: string
  status: 'pending' | 'refused'
  reason?: string
  sealed: Sealed
}

interface KeyRow {
  userId: string
  key: CryptoKey
}

export interface PendingCounts {
  pending: number
  refused: number
}

/**
 * Cases taken without a connection, on one device, per account: the folios reserved for them
 * while online, and the intakes waiting to be sent. An intake holds what the person said and may
 * hold their identity, so it is sealed (AES-GCM) under a key made on the device that cannot be
 * read out of the browser (a non-extractable key, kept in IndexedDB as a key object): copying the
 * browser's files gives away nothing readable.
 */
export class OfflineIntakes {
  private readonly db: Dexie
  private readonly folios: Table<FolioRow, string>
  private readonly pending: Table<PendingRow, string>
  private readonly keys: Table<KeyRow, string>

  /** `makeKey` is for tests, where key objects cannot be stored. */
  constructor(
    name = 'faro-intakes',
    private readonly makeKey: () => Promise<CryptoKey> = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
  ) {
    this.db = new Dexie(name)
    this.db.version(1).stores({ folios: 'folio, userId', pending: 'id, userId, createdAt', keys: 'userId' })
    this.folios = this.db.table('folios')
    this.pending = this.db.table('pending')
    this.keys = this.db.table('keys')
  }

  async folioCount(userId: string): Promise<number> {
    return this.folios.where('userId').equals(userId).count()
  }

  async addFolios(userId: string, folios: readonly string[], at = new Date().toISOString()): Promise<void> {
    await this.folios.bulkPut(folios.map((folio) => ({ folio, userId, reservedAt: at })))
  }

  /** Takes one reserved folio for an intake; each folio is given once. */
  async takeFolio(userId: string): Promise<string | undefined> {
    return this.db.transaction('rw', this.folios, async () => {
      const rows = await this.folios.where('userId').equals(userId).toArray()
      const first = rows.sort((a, b) => a.reservedAt.localeCompare(b.reservedAt) || a.folio.localeCompare(b.folio))[0]
      if (first !== undefined) {
        await this.folios.delete(first.folio)
      }
      return first?.folio
    })
  }

  /** Keeps an intake to send later; once this resolves it is on the device. */
  async queue(userId: string, intake: { id: string; folio: string } & Record<string, unknown>, at = new Date().toISOString()): Promise<void> {
    const key = await this.keyOf(userId)
    await this.pending.put({ id: intake.id, userId, folio: intake.folio, createdAt: at, status: 'pending', sealed: await seal(key, intake) })
  }

  async counts(userId: string): Promise<PendingCounts> {
    const rows = await this.pending.where('userId').equals(userId).toArray()
    return { pending: rows.filter((r) => r.status === 'pending').length, refused: rows.filter((r) => r.status === 'refused').length }
  }

  /** The intakes still to send, oldest first, opened. */
  async waiting(userId: string): Promise<{ id: string; folio: string; intake: Record<string, unknown> }[]> {
    const key = await this.keyOf(userId)
    const rows = (await this.pending.where('userId').equals(userId).toArray()).filter((r) => r.status === 'pending').sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    return Promise.all(rows.map(async (r) => ({ id: r.id, folio: r.folio, intake: (await open(key, r.sealed)) as Record<string, unknown> })))
  }

  async sent(id: string): Promise<void> {
    await this.pending.delete(id)
  }

  /** The server refused it for good (not for a lost connection): kept, to be looked at. */
  async refused(id: string, reason: string): Promise<void> {
    await this.pending.update(id, { status: 'refused', reason })
  }

  private async keyOf(userId: string): Promise<CryptoKey> {
    const found = await this.keys.get(userId)
    if (found !== undefined) {
      return found.key
    }
    const key = await this.makeKey()
    await this.keys.put({ userId, key })
    return key
  }

  close(): void {
    this.db.close()
  }
}

/** What one round of sending did. */
export interface FlushReport {
  sent: number
  refused: number
  /** The connection failed: the rest wait for the next round. */
  stopped: boolean
}

/**
 * Sends the waiting intakes in the order they were taken. A lost connection or a server error
 * stops the round (the next one tries again: the intake's id makes a repeat harmless); a refusal
 * (4xx) keeps the intake apart, as refused, and goes on with the next.
 */
export async function flushIntakes(store: OfflineIntakes, userId: string, send: (intake: Record<string, unknown>) => Promise<unknown>): Promise<FlushReport> {
  const report: FlushReport = { sent: 0, refused: 0, stopped: false }
  for (const item of await store.waiting(userId)) {
    try {
      await send(item.intake)
      await store.sent(item.id)
      report.sent += 1
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 408 && error.status !== 429) {
        await store.refused(item.id, error.problem?.errors?.[0]?.code ?? error.problem?.reason ?? String(error.status))
        report.refused += 1
        continue
      }
      if (error instanceof NetworkError || error instanceof ApiError) {
        report.stopped = true
        return report
      }
      throw error
    }
  }
  return report
}

/** Reserves a new block when few folios are left; quietly does nothing without a connection. */
export async function topUpFolios(store: OfflineIntakes, userId: string, reserve: (count: number) => Promise<string[]>): Promise<number> {
  const held = await store.folioCount(userId)
  if (held >= LOW_FOLIOS) {
    return held
  }
  try {
    await store.addFolios(userId, await reserve(FOLIO_BLOCK))
  } catch (error) {
    if (!(error instanceof NetworkError || error instanceof ApiError)) {
      throw error
    }
  }
  return store.folioCount(userId)
}
