import { blockingKeys } from './blocking.ts'
import { tokenMemo } from './compare-names.ts'
import { assessPair, bandOf, compare, priorBits, type MatchComparison, type MatchContext } from './compare.ts'
import { NameFrequencies } from './frequencies.ts'
import { DEFAULT_MODEL, compileModel, type MatchBand, type MatchModel } from './model.ts'
import { FeatureStore } from './feature-store.ts'
import type { MatchFeatures } from './schemas.ts'

/** One candidate of a search, best first, with its full explanation. */
export interface MatchCandidate {
  id: string
  score: number
  band: MatchBand
  comparison: MatchComparison
}

/** How a search runs. */
export interface SearchOptions {
  /**
   * The query's blocking keys as this index stores them (a server passes the HMACs of
   * `blockingKeys(query)`); by default the plain `blockingKeys(query)`.
   */
  keys?: readonly string[]
  /** Most candidates returned (default 10). */
  limit?: number
  /** Compare with every record instead of the blocks: for small indexes, such as open requests. */
  exhaustive?: boolean
  /** Frequencies to weigh with instead of the index's own: the registry's when searching requests. */
  frequencies?: NameFrequencies
  /** Registry size for the prior; defaults to the frequencies' population. */
  population?: number
  /** Leave out candidates below this band. */
  minBand?: MatchBand
}

const BAND_RANK: Readonly<Record<MatchBand, number>> = { strong: 2, possible: 1, weak: 0 }
const INITIAL_CAPACITY = 1024

/**
 * An in-memory index of standardised records under their blocking keys, for both directions:
 * the registry (searched by each new request) and the open requests (searched by each new
 * registry record, exhaustively if small). It keeps only what it is given: keys (plain or keyed
 * hashes, which it hashes again to 32 bits: a collision only adds a candidate) and features,
 * packed (see FeatureStore) to keep a million records in a few hundred megabytes.
 * @example
 * const registry = new MatchIndex()
 * const f = standardise(record)
 * registry.add(record.id, blockingKeys(f), f)
 * registry.search(standardise(request)) // [{ id, score, band, comparison }, …] best first
 */
export class MatchIndex {
  readonly frequencies: NameFrequencies
  private readonly model: MatchModel
  private readonly countFrequencies: boolean
  private readonly slotOf = new Map<string, number>()
  private ids: string[] = []
  private readonly store = new FeatureStore()
  private alive = new Uint8Array(INITIAL_CAPACITY)
  private live = 0
  // Open addressing: key hash → newest posting (+1; 0 is empty).
  private tableHash = new Int32Array(INITIAL_CAPACITY)
  private tableHead = new Int32Array(INITIAL_CAPACITY)
  private tableUsed = 0
  // Postings as linked lists: slot of the record, index of the previous posting of the key (-1 ends).
  private postingSlot = new Int32Array(INITIAL_CAPACITY)
  private postingNext = new Int32Array(INITIAL_CAPACITY)
  private postings = 0
  private stamps = new Int32Array(INITIAL_CAPACITY)
  private stamp = 0

  /**
   * `frequencies` may be shared: the requests index is given the registry's, and
   * `countFrequencies: false` so requests do not count as registry people.
   */
  constructor(options: { model?: MatchModel; frequencies?: NameFrequencies; countFrequencies?: boolean } = {}) {
    this.model = options.model ?? DEFAULT_MODEL
    this.frequencies = options.frequencies ?? new NameFrequencies()
    this.countFrequencies = options.countFrequencies ?? true
  }

  /** Records in the index. */
  get size(): number {
    return this.live
  }

  /** Adds a record under its keys, replacing any record of the same id. */
  add(id: string, keys: readonly string[], features: MatchFeatures): void {
    this.remove(id)
    const slot = this.store.add(features)
    this.ids.push(id)
    if (slot >= this.alive.length) {
      const grown = new Uint8Array(this.alive.length * 2)
      grown.set(this.alive)
      this.alive = grown
    }
    this.alive[slot] = 1
    this.slotOf.set(id, slot)
    this.live++
    if (this.countFrequencies) {
      this.frequencies.add(features)
    }
    for (const key of keys) {
      this.post(hashKey(key), slot)
    }
  }

  /** Removes a record (a request closed, a record erased); false when it was not there. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id)
    if (slot === undefined) {
      return false
    }
    if (this.countFrequencies) {
      this.frequencies.remove(this.store.get(slot))
    }
    this.alive[slot] = 0
    this.slotOf.delete(id)
    this.live--
    return true
  }

  /** The features stored for an id. */
  get(id: string): MatchFeatures | undefined {
    const slot = this.slotOf.get(id)
    return slot === undefined ? undefined : this.store.get(slot)
  }

  /** Ids of the records sharing at least one of the keys (blocking only, no scoring). */
  candidates(keys: readonly string[]): string[] {
    return this.collect(keys).map((slot) => this.ids[slot] ?? '')
  }

  /**
   * The best candidates for a query, scored and banded, best first. Every candidate of the
   * blocks is scored; only the returned ones carry a full explanation.
   */
  search(query: MatchFeatures, options: SearchOptions = {}): MatchCandidate[] {
    const limit = options.limit ?? 10
    const frequencies = options.frequencies ?? this.frequencies
    const model = compileModel(this.model)
    const context: MatchContext = { model: this.model, frequencies, population: options.population }
    const prior = priorBits(context, model, frequencies)
    const minRank = BAND_RANK[options.minBand ?? 'weak']
    const slots = options.exhaustive ? this.allSlots() : this.collect(options.keys ?? blockingKeys(query))
    const top: { slot: number; score: number }[] = []
    const memo = tokenMemo()
    for (const slot of slots) {
      const pair = assessPair(query, this.store.get(slot), model, frequencies, memo)
      const score = pair.evidence + prior
      if (top.length === limit && score <= (top[top.length - 1]?.score ?? -Infinity)) {
        continue
      }
      if (minRank > 0 && BAND_RANK[bandOf(score, pair.vector, model)] < minRank) {
        continue
      }
      insertSorted(top, { slot, score }, limit)
    }
    return top.map(({ slot }) => {
      const comparison = compare(query, this.store.get(slot), context)
      return { id: this.ids[slot] ?? '', score: comparison.score, band: comparison.band, comparison }
    })
  }

  private allSlots(): number[] {
    const slots: number[] = []
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (this.alive[slot] === 1) {
        slots.push(slot)
      }
    }
    return slots
  }

  private collect(keys: readonly string[]): number[] {
    if (this.stamps.length < this.ids.length) {
      const grown = new Int32Array(Math.max(this.ids.length, this.stamps.length * 2))
      grown.set(this.stamps)
      this.stamps = grown
    }
    this.stamp++
    const slots: number[] = []
    for (const key of keys) {
      let posting = this.head(hashKey(key))
      while (posting >= 0) {
        const slot = this.postingSlot[posting] ?? 0
        if (this.stamps[slot] !== this.stamp) {
          this.stamps[slot] = this.stamp
          if (this.alive[slot] === 1) {
            slots.push(slot)
          }
        }
        posting = this.postingNext[posting] ?? -1
      }
    }
    return slots
  }

  private head(hash: number): number {
    const mask = this.tableHash.length - 1
    let i = hash & mask
    for (;;) {
      const head = this.tableHead[i] ?? 0
      if (head === 0) {
        return -1
      }
      if (this.tableHash[i] === hash) {
        return head - 1
      }
      i = (i + 1) & mask
    }
  }

  private post(hash: number, slot: number): void {
    if ((this.tableUsed + 1) * 10 > this.tableHash.length * 7) {
      this.growTable()
    }
    if (this.postings === this.postingSlot.length) {
      const size = Math.ceil(this.postingSlot.length * 1.5)
      this.postingSlot = grow(this.postingSlot, size)
      this.postingNext = grow(this.postingNext, size)
    }
    const mask = this.tableHash.length - 1
    let i = hash & mask
    while ((this.tableHead[i] ?? 0) !== 0 && this.tableHash[i] !== hash) {
      i = (i + 1) & mask
    }
    const previous = (this.tableHead[i] ?? 0) - 1
    if (previous < 0) {
      this.tableUsed++
      this.tableHash[i] = hash
    }
    this.postingSlot[this.postings] = slot
    this.postingNext[this.postings] = previous
    this.tableHead[i] = this.postings + 1
    this.postings++
  }

  private growTable(): void {
    const oldHash = this.tableHash
    const oldHead = this.tableHead
    this.tableHash = new Int32Array(oldHash.length * 2)
    this.tableHead = new Int32Array(oldHash.length * 2)
    const mask = this.tableHash.length - 1
    for (let j = 0; j < oldHash.length; j++) {
      const head = oldHead[j] ?? 0
      if (head === 0) {
        continue
      }
      const hash = oldHash[j] ?? 0
      let i = hash & mask
      while ((this.tableHead[i] ?? 0) !== 0) {
        i = (i + 1) & mask
      }
      this.tableHash[i] = hash
      this.tableHead[i] = head
    }
  }

}

/** FNV-1a, 32 bits, over the UTF-16 code units of a key. */
function hashKey(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h | 0
}

function grow(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size)
  grown.set(array)
  return grown
}

function insertSorted(top: { slot: number; score: number }[], item: { slot: number; score: number }, limit: number): void {
  let i = top.length
  while (i > 0 && (top[i - 1]?.score ?? Infinity) < item.score) {
    i--
  }
  top.splice(i, 0, item)
  if (top.length > limit) {
    top.pop()
  }
}
