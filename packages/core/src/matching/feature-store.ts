import type { BirthFeatures, MatchFeatures, MatchRecordKind, NameFeatures, NameParse, NameToken } from './schemas.ts'
import { FEATURES_VERSION } from './schemas.ts'

const KINDS: readonly (MatchRecordKind | null)[] = [null, 'attended', 'rescued', 'hospitalised', 'deceased']
const SEXES: readonly ('M' | 'F' | null)[] = [null, 'M', 'F']
const SOURCES: readonly (BirthFeatures['source'] | null)[] = [null, 'date', 'stated', 'reported', 'estimated']
const PARSES: readonly NameParse[] = ['fields', 'given_first', 'surnames_first', 'single']
const NO_DAY = -2147483648
const MAX_PER_LIST = 7
const EMPTY: never[] = []
Object.freeze(EMPTY)

/**
 * Standardised features packed into one growing Int32Array, each name word stored once and
 * referred to by number. A million records take about a hundred megabytes instead of several
 * hundred as objects, and reading one candidate touches one stretch of memory instead of a dozen
 * scattered objects: at a million records that, not the arithmetic, bounds a search. `get`
 * unpacks a record into the same plain features that went in (name words shared between records).
 */
export class FeatureStore {
  private readonly tokens: NameToken[] = []
  private readonly tokenIds = new Map<string, number>()
  private readonly strings: string[] = []
  private readonly stringIds = new Map<string, number>()
  private data = new Int32Array(1 << 16)
  private used = 0
  private offsets = new Int32Array(1 << 12)
  private slots = 0

  /** Records stored (removed ones included: their slots are not reused). */
  get size(): number {
    return this.slots
  }

  /** Packs features and returns their slot. */
  add(features: MatchFeatures): number {
    const names = features.names.slice(0, MAX_PER_LIST)
    const birth = features.birth
    this.reserve(6 + names.reduce((n, name) => n + 1 + listLength(name.given) + listLength(name.surnames) + listLength(name.married) + listLength(name.joined), 0))
    const slot = this.slots++
    if (slot >= this.offsets.length) {
      this.offsets = grow(this.offsets, this.offsets.length * 2)
    }
    this.offsets[slot] = this.used
    const header =
      (features.role === 'request' ? 1 : 0) |
      (KINDS.indexOf(features.kind) << 1) |
      (SEXES.indexOf(features.sex) << 4) |
      ((birth === null ? 0 : SOURCES.indexOf(birth.source)) << 6) |
      ((birth?.jan1 ? 1 : 0) << 9) |
      (names.length << 10)
    this.push(header)
    this.push(features.nationality === null ? -1 : this.stringId(features.nationality))
    this.push(features.eventDay ?? NO_DAY)
    this.push(birth?.dob ? this.stringId(birth.dob) : -1)
    this.push(birth === null ? 0 : Math.round(birth.lo * 100))
    this.push(birth === null ? 0 : Math.round(birth.hi * 100))
    for (const name of names) {
      const given = name.given.slice(0, MAX_PER_LIST)
      const surnames = name.surnames.slice(0, MAX_PER_LIST)
      const married = name.married.slice(0, MAX_PER_LIST)
      const joined = name.joined.slice(0, MAX_PER_LIST)
      this.push(PARSES.indexOf(name.parse) | ((name.alias ? 1 : 0) << 2) | (given.length << 3) | (surnames.length << 6) | (married.length << 9) | (joined.length << 12))
      for (const token of [...given, ...surnames, ...married]) {
        this.push(this.tokenId(token))
      }
      for (const word of joined) {
        this.push(this.stringId(word))
      }
    }
    return slot
  }

  /** Unpacks the features of a slot. */
  get(slot: number): MatchFeatures {
    let at = this.offsets[slot] ?? 0
    const data = this.data
    const header = data[at++] ?? 0
    const nationality = data[at++] ?? -1
    const eventDay = data[at++] ?? NO_DAY
    const dob = data[at++] ?? -1
    const lo = (data[at++] ?? 0) / 100
    const hi = (data[at++] ?? 0) / 100
    const source = SOURCES[(header >> 6) & 7] ?? null
    const nameCount = (header >> 10) & 7
    const names: NameFeatures[] = []
    for (let n = 0; n < nameCount; n++) {
      const h = data[at++] ?? 0
      const given = this.tokenList(at, (h >> 3) & 7)
      at += given.length
      const surnames = this.tokenList(at, (h >> 6) & 7)
      at += surnames.length
      const married = this.tokenList(at, (h >> 9) & 7)
      at += married.length
      const joinedCount = (h >> 12) & 7
      const joined: string[] = joinedCount === 0 ? EMPTY : []
      for (let k = 0; k < joinedCount; k++) {
        joined.push(this.strings[data[at++] ?? 0] ?? '')
      }
      names.push({ given, surnames, married, joined, parse: PARSES[h & 3] ?? 'fields', alias: ((h >> 2) & 1) === 1 })
    }
    return {
      v: FEATURES_VERSION,
      role: (header & 1) === 1 ? 'request' : 'record',
      kind: KINDS[(header >> 1) & 7] ?? null,
      names,
      sex: SEXES[(header >> 4) & 3] ?? null,
      nationality: nationality < 0 ? null : (this.strings[nationality] ?? null),
      birth: source === null ? null : { dob: dob < 0 ? null : (this.strings[dob] ?? null), jan1: ((header >> 9) & 1) === 1, lo, hi, source },
      eventDay: eventDay === NO_DAY ? null : eventDay,
    }
  }

  private tokenList(at: number, count: number): NameToken[] {
    if (count === 0) {
      return EMPTY
    }
    const list: NameToken[] = []
    for (let k = 0; k < count; k++) {
      const token = this.tokens[this.data[at + k] ?? 0]
      if (token !== undefined) {
        list.push(token)
      }
    }
    return list
  }

  private tokenId(token: NameToken): number {
    const key = token.formal.length === 0 ? token.text : `${token.text}|${token.formal.join(',')}`
    const known = this.tokenIds.get(key)
    if (known !== undefined) {
      return known
    }
    const id = this.tokens.length
    this.tokens.push({ text: token.text, keys: token.keys, formal: token.formal.length === 0 ? EMPTY : token.formal })
    this.tokenIds.set(key, id)
    return id
  }

  private stringId(text: string): number {
    const known = this.stringIds.get(text)
    if (known !== undefined) {
      return known
    }
    const id = this.strings.length
    this.strings.push(text)
    this.stringIds.set(text, id)
    return id
  }

  private reserve(more: number): void {
    if (this.used + more > this.data.length) {
      this.data = grow(this.data, Math.max(Math.ceil(this.data.length * 1.5), this.used + more))
    }
  }

  private push(value: number): void {
    this.data[this.used++] = value
  }
}

function listLength(list: readonly unknown[]): number {
  return Math.min(list.length, MAX_PER_LIST)
}

function grow(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size)
  grown.set(array)
  return grown
}
