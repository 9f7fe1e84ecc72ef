import type { NameFrequencies } from './frequencies.ts'
import type { CompiledModel } from './model.ts'
import type { NameFeatures, NameToken } from './schemas.ts'
import { jaroWinkler, withinOneEdit } from './strings.ts'

/** How two words of a name agree, best first. */
export const TOKEN_EXACT = 0
export const TOKEN_NICKNAME = 1
export const TOKEN_PHONETIC = 2
export const TOKEN_FUZZY = 3
export const TOKEN_INITIAL = 4
export const TOKEN_NONE = 5

export type GivenLevel = 'exact_two' | 'exact' | 'nickname' | 'phonetic' | 'fuzzy' | 'conflict' | 'initial' | 'none'
export type SurnameLevel = 'exact' | 'phonetic' | 'fuzzy' | 'none'
export type OrderLevel = 'ordered' | 'swapped' | 'misplaced'

/** The name part of a comparison: levels, bits and what was used. */
export interface NameComparison {
  given: GivenLevel | null
  givenBits: number
  givenShare: boolean
  surname: SurnameLevel | null
  surnameBits: number
  surnameShare: boolean
  surname2: SurnameLevel | null
  surname2Bits: number
  surname2Share: boolean
  order: OrderLevel | null
  orderBits: number
  /** Given names and surnames agreed only crosswise (Pierre Joseph ~ Joseph Pierre). */
  rolesSwapped: boolean
  alias: boolean
  total: number
}

/**
 * Word-pair levels already worked out during one search: the query's words meet the same
 * registry words thousands of times. Keyed by the word objects, so it lives as long as the search.
 */
export interface TokenMemo {
  given: Map<NameToken, Map<NameToken, number>>
  surname: Map<NameToken, Map<NameToken, number>>
}

/** An empty memo for one search. */
export function tokenMemo(): TokenMemo {
  return { given: new Map(), surname: new Map() }
}

/**
 * The best agreement between any name of `a` and any name of `b` (main names and aliases), as
 * bits per name field. Symmetric: compareNames(a, b) and compareNames(b, a) give the same bits.
 */
export function compareNames(a: readonly NameFeatures[], b: readonly NameFeatures[], model: CompiledModel, frequencies: NameFrequencies, memo: TokenMemo | null = null): NameComparison | null {
  let best: NameComparison | null = null
  for (const x of a) {
    for (const y of b) {
      let result = compareOneName(x, y, model, frequencies, memo)
      const bothAgree = result.given !== null && result.given !== 'none' && result.surname !== null && result.surname !== 'none'
      if (!bothAgree && (rolesMeet(x.surnames, y.given, memo) || rolesMeet(x.given, y.surnames, memo))) {
        result = crosswise(x, y, result, model, frequencies, memo)
      }
      if (x.alias || y.alias) {
        result.alias = true
      }
      if (best === null || result.total > best.total) {
        best = result
      }
    }
  }
  return best
}

/** Level of agreement of two words; `given` allows nicknames and initials. */
export function tokenLevel(a: NameToken, b: NameToken, given: boolean): number {
  if (a === b || a.text === b.text) {
    return TOKEN_EXACT
  }
  if (a.text.length === 1 || b.text.length === 1) {
    return given && a.text.charCodeAt(0) === b.text.charCodeAt(0) ? TOKEN_INITIAL : TOKEN_NONE
  }
  if ((a.formal.length > 0 || b.formal.length > 0) && (a.formal.includes(b.text) || b.formal.includes(a.text) || intersects(a.formal, b.formal))) {
    // A Haitian surname is often a given name written the Kreyòl way (Jozef, Joseph): for surnames it counts as sound.
    return given ? TOKEN_NICKNAME : TOKEN_PHONETIC
  }
  if (intersects(a.keys, b.keys)) {
    return TOKEN_PHONETIC
  }
  return isFuzzy(a.text, b.text) ? TOKEN_FUZZY : TOKEN_NONE
}

/** Close spellings: Jaro–Winkler ≥ 0.9, or one edit on words of four letters or more. */
function isFuzzy(a: string, b: string): boolean {
  const la = a.length
  const lb = b.length
  // The best Jaro–Winkler two lengths allow: skip the work when even that is below 0.9.
  const shorter = Math.min(la, lb)
  const jaroMax = (shorter / la + shorter / lb + 1) / 3
  if (jaroMax + 0.4 * (1 - jaroMax) >= 0.9 && jaroWinkler(a, b) >= 0.9) {
    return true
  }
  return la >= 4 && lb >= 4 && withinOneEdit(a, b)
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (b.includes(a[i] ?? '')) {
      return true
    }
  }
  return false
}

function level(a: NameToken, b: NameToken, given: boolean, memo: TokenMemo | null): number {
  if (a === b) {
    return TOKEN_EXACT
  }
  if (memo === null) {
    return tokenLevel(a, b, given)
  }
  const maps = given ? memo.given : memo.surname
  let row = maps.get(a)
  if (row === undefined) {
    row = new Map()
    maps.set(a, row)
  }
  const known = row.get(b)
  if (known !== undefined) {
    return known
  }
  const computed = tokenLevel(a, b, given)
  row.set(b, computed)
  return computed
}

/** Whether a surname of one side sounds like a given name of the other: only then can a swap of roles pay. */
function rolesMeet(surnames: readonly NameToken[], given: readonly NameToken[], memo: TokenMemo | null): boolean {
  for (const s of surnames) {
    for (const g of given) {
      if (level(s, g, true, memo) <= TOKEN_PHONETIC) {
        return true
      }
    }
  }
  return false
}

/** Tries given names against surnames both ways; a swap of roles pays the misplaced order. */
function crosswise(x: NameFeatures, y: NameFeatures, straight: NameComparison, model: CompiledModel, frequencies: NameFrequencies, memo: TokenMemo | null): NameComparison {
  const penalty = model.bits.surname_order.misplaced ?? 0
  let best = straight
  for (const cross of [compareOneName(swapRoles(x), y, model, frequencies, memo), compareOneName(x, swapRoles(y), model, frequencies, memo)]) {
    // Only a given name that agrees across the swap makes the swap a reading worth taking.
    const givenAgrees = cross.given === 'exact' || cross.given === 'exact_two' || cross.given === 'nickname' || cross.given === 'phonetic'
    const total = cross.total - cross.orderBits + penalty
    if (givenAgrees && total > best.total) {
      best = { ...cross, order: 'misplaced', orderBits: penalty, total, rolesSwapped: true }
    }
  }
  return best
}

/** The first given name and the first surname exchanged; the other words stay where they are. */
function swapRoles(name: NameFeatures): NameFeatures {
  const [firstGiven, ...otherGiven] = name.given
  const [firstSurname, ...otherSurnames] = name.surnames
  return {
    ...name,
    given: firstSurname === undefined ? otherGiven : [firstSurname, ...otherGiven],
    surnames: firstGiven === undefined ? otherSurnames : [firstGiven, ...otherSurnames],
  }
}

// Surname slots of a name: its surnames, then its given names after the first (a US middle
// name may be a surname), then a married name. Numbered, so no objects are made per comparison.
const ORIGIN_SURNAME = 0
const ORIGIN_GIVEN = 1
const ORIGIN_MARRIED = 2

function slotCount(name: NameFeatures): number {
  return name.surnames.length + Math.max(0, name.given.length - 1) + name.married.length
}

function slotToken(name: NameFeatures, k: number): NameToken | undefined {
  if (k < name.surnames.length) {
    return name.surnames[k]
  }
  const g = k - name.surnames.length + 1
  if (g < name.given.length) {
    return name.given[g]
  }
  return name.married[g - name.given.length]
}

function slotOrigin(name: NameFeatures, k: number): number {
  if (k < name.surnames.length) {
    return ORIGIN_SURNAME
  }
  return k - name.surnames.length + 1 < name.given.length ? ORIGIN_GIVEN : ORIGIN_MARRIED
}

/** Index among the given names of a slot that holds a given name, else -1. */
function slotGivenIndex(name: NameFeatures, k: number): number {
  return slotOrigin(name, k) === ORIGIN_GIVEN ? k - name.surnames.length + 1 : -1
}

const SURNAME_LEVELS: readonly SurnameLevel[] = ['exact', 'exact', 'phonetic', 'fuzzy', 'none', 'none']
const MAX_PAIRS = 64
const pairA = new Int8Array(MAX_PAIRS)
const pairB = new Int8Array(MAX_PAIRS)
const pairLevel = new Int8Array(MAX_PAIRS)
const pairFirst = new Float64Array(MAX_PAIRS)
const pairSecond = new Float64Array(MAX_PAIRS)

function compareOneName(x: NameFeatures, y: NameFeatures, model: CompiledModel, frequencies: NameFrequencies, memo: TokenMemo | null): NameComparison {
  const nA = slotCount(x)
  const nB = slotCount(y)
  let pairs = 0
  for (let i = 0; i < nA; i++) {
    const ta = slotToken(x, i)
    const oa = slotOrigin(x, i)
    for (let j = 0; j < nB && pairs < MAX_PAIRS; j++) {
      const tb = slotToken(y, j)
      const ob = slotOrigin(y, j)
      // Two given names are the given-name comparison's business, not a surname agreement.
      if (ta === undefined || tb === undefined || (oa === ORIGIN_GIVEN && ob !== ORIGIN_SURNAME) || (ob === ORIGIN_GIVEN && oa !== ORIGIN_SURNAME)) {
        continue
      }
      const l = level(ta, tb, false, memo)
      if (l > TOKEN_FUZZY) {
        continue
      }
      const lv = SURNAME_LEVELS[l] ?? 'none'
      const share = l === TOKEN_EXACT ? frequencies.surnameShare(ta.text) : -1
      pairA[pairs] = i
      pairB[pairs] = j
      pairLevel[pairs] = l
      pairFirst[pairs] = share >= 0 ? model.tfBits('surname', lv, share) : (model.bits.surname[lv] ?? 0)
      pairSecond[pairs] = share >= 0 ? model.tfBits('surname2', lv, share) : (model.bits.surname2[lv] ?? 0)
      pairs++
    }
  }
  // Every alignment of at most two pairs: the one with the most bits wins (symmetric by construction).
  let bestP = -1
  let bestQ = -1
  let bestBits = noPairBits(x, y, model, frequencies)
  for (let p = 0; p < pairs; p++) {
    const single = singleBits(x, y, p, model)
    if (single > bestBits) {
      bestBits = single
      bestP = p
      bestQ = -1
    }
    for (let q = 0; q < pairs; q++) {
      if (pairA[q] === pairA[p] || pairB[q] === pairB[p]) {
        continue
      }
      const double = (pairFirst[p] ?? 0) + (pairSecond[q] ?? 0) + (model.bits.surname_order[orderOf(x, y, p, q)] ?? 0)
      if (double > bestBits) {
        bestBits = double
        bestP = p
        bestQ = q
      }
    }
  }
  const result = describeSurnames(x, y, bestP, bestQ, model, frequencies)
  const skipA1 = bestP >= 0 ? slotGivenIndex(x, pairA[bestP] ?? 0) : -1
  const skipA2 = bestQ >= 0 ? slotGivenIndex(x, pairA[bestQ] ?? 0) : -1
  const skipB1 = bestP >= 0 ? slotGivenIndex(y, pairB[bestP] ?? 0) : -1
  const skipB2 = bestQ >= 0 ? slotGivenIndex(y, pairB[bestQ] ?? 0) : -1
  const given = compareGiven(x.given, y.given, skipA1, skipA2, skipB1, skipB2, model, frequencies, memo)
  result.given = given.level
  result.givenBits = given.bits
  result.givenShare = given.share
  result.total = given.bits + result.surnameBits + result.surname2Bits + result.orderBits
  return result
}

function noPairBits(x: NameFeatures, y: NameFeatures, model: CompiledModel, frequencies: NameFrequencies): number {
  const joined = joinedAgreement(x, y)
  if (joined !== null) {
    return model.tfBits('surname', 'exact', frequencies.surnameShare(joined))
  }
  return x.surnames.length > 0 && y.surnames.length > 0 ? (model.bits.surname.none ?? 0) : 0
}

/** Bits of one agreeing pair alone: its surname bits, a second surname that disagrees, a misplaced slot. */
function singleBits(x: NameFeatures, y: NameFeatures, p: number, model: CompiledModel): number {
  return (pairFirst[p] ?? 0) + (secondDisagrees(x, y, p) ? (model.bits.surname2.none ?? 0) : 0) + (singleMisplaced(x, y, p) ? (model.bits.surname_order.misplaced ?? 0) : 0)
}

/** Both wrote two surnames and only one agrees: the other is a disagreement. */
function secondDisagrees(x: NameFeatures, y: NameFeatures, p: number): boolean {
  const sa = x.surnames.length
  const sb = y.surnames.length
  if (sa < 2 || sb < 2) {
    return false
  }
  const leftA = slotOrigin(x, pairA[p] ?? 0) === ORIGIN_SURNAME ? sa - 1 : sa
  const leftB = slotOrigin(y, pairB[p] ?? 0) === ORIGIN_SURNAME ? sb - 1 : sb
  return leftA > 0 && leftB > 0
}

function singleMisplaced(x: NameFeatures, y: NameFeatures, p: number): boolean {
  return slotOrigin(x, pairA[p] ?? 0) !== ORIGIN_SURNAME || slotOrigin(y, pairB[p] ?? 0) !== ORIGIN_SURNAME
}

function orderOf(x: NameFeatures, y: NameFeatures, p: number, q: number): OrderLevel {
  const ap = pairA[p] ?? 0
  const bp = pairB[p] ?? 0
  const aq = pairA[q] ?? 0
  const bq = pairB[q] ?? 0
  if (slotOrigin(x, ap) !== ORIGIN_SURNAME || slotOrigin(y, bp) !== ORIGIN_SURNAME || slotOrigin(x, aq) !== ORIGIN_SURNAME || slotOrigin(y, bq) !== ORIGIN_SURNAME) {
    return 'misplaced'
  }
  return ap === bp && aq === bq ? 'ordered' : 'swapped'
}

function describeSurnames(x: NameFeatures, y: NameFeatures, p: number, q: number, model: CompiledModel, frequencies: NameFrequencies): NameComparison {
  const result: NameComparison = {
    given: null, givenBits: 0, givenShare: false,
    surname: null, surnameBits: 0, surnameShare: false,
    surname2: null, surname2Bits: 0, surname2Share: false,
    order: null, orderBits: 0, rolesSwapped: false, alias: false, total: 0,
  }
  if (p < 0) {
    const joined = joinedAgreement(x, y)
    if (joined !== null) {
      result.surname = 'exact'
      result.surnameBits = model.tfBits('surname', 'exact', frequencies.surnameShare(joined))
      result.surnameShare = true
    } else if (x.surnames.length > 0 && y.surnames.length > 0) {
      result.surname = 'none'
      result.surnameBits = model.bits.surname.none ?? 0
    }
    return result
  }
  result.surname = SURNAME_LEVELS[pairLevel[p] ?? TOKEN_NONE] ?? 'none'
  result.surnameBits = pairFirst[p] ?? 0
  result.surnameShare = pairLevel[p] === TOKEN_EXACT
  if (q >= 0) {
    result.surname2 = SURNAME_LEVELS[pairLevel[q] ?? TOKEN_NONE] ?? 'none'
    result.surname2Bits = pairSecond[q] ?? 0
    result.surname2Share = pairLevel[q] === TOKEN_EXACT
    result.order = orderOf(x, y, p, q)
  } else {
    if (secondDisagrees(x, y, p)) {
      result.surname2 = 'none'
      result.surname2Bits = model.bits.surname2.none ?? 0
    }
    if (singleMisplaced(x, y, p)) {
      result.order = 'misplaced'
    }
  }
  result.orderBits = result.order === null ? 0 : (model.bits.surname_order[result.order] ?? 0)
  return result
}

/** A surname written as one word on one side and as several on the other: Deleon ~ De León. */
function joinedAgreement(x: NameFeatures, y: NameFeatures): string | null {
  if (x.joined.length === 0 && y.joined.length === 0) {
    return null
  }
  for (const t of x.surnames) {
    if (y.joined.includes(t.text)) {
      return t.text
    }
  }
  for (const t of y.surnames) {
    if (x.joined.includes(t.text)) {
      return t.text
    }
  }
  return null
}

interface GivenResult {
  level: GivenLevel | null
  bits: number
  share: boolean
}

const MAX_GIVEN = 4
const givenLevels = new Int8Array(MAX_GIVEN * MAX_GIVEN)
const rowIndex = new Int8Array(MAX_GIVEN)
const colIndex = new Int8Array(MAX_GIVEN)

/**
 * Given names of both sides, leaving out those a surname alignment used: the best word
 * agreement, two exact words, or one that agrees while another contradicts (siblings).
 */
function compareGiven(
  a: readonly NameToken[],
  b: readonly NameToken[],
  skipA1: number,
  skipA2: number,
  skipB1: number,
  skipB2: number,
  model: CompiledModel,
  frequencies: NameFrequencies,
  memo: TokenMemo | null,
): GivenResult {
  let rows = 0
  for (let i = 0; i < a.length && rows < MAX_GIVEN; i++) {
    if (i !== skipA1 && i !== skipA2) {
      rowIndex[rows++] = i
    }
  }
  let cols = 0
  for (let j = 0; j < b.length && cols < MAX_GIVEN; j++) {
    if (j !== skipB1 && j !== skipB2) {
      colIndex[cols++] = j
    }
  }
  if (rows === 0 || cols === 0) {
    return { level: null, bits: 0, share: false }
  }
  let best = TOKEN_NONE
  for (let r = 0; r < rows; r++) {
    const x = a[rowIndex[r] ?? 0]
    for (let c = 0; c < cols; c++) {
      const y = b[colIndex[c] ?? 0]
      const l = x === undefined || y === undefined ? TOKEN_NONE : level(x, y, true, memo)
      givenLevels[r * MAX_GIVEN + c] = l
      if (l < best) {
        best = l
      }
    }
  }
  if (best === TOKEN_NONE) {
    return plainGiven('none', model)
  }
  if (best === TOKEN_INITIAL) {
    return plainGiven('initial', model)
  }
  // Words agreeing exactly, each used once; the two rarest make the pair's share.
  let exact = 0
  let lowest = 1
  let next = 1
  let usedCols = 0
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (givenLevels[r * MAX_GIVEN + c] === TOKEN_EXACT && (usedCols & (1 << c)) === 0) {
        usedCols |= 1 << c
        exact++
        const share = frequencies.givenShare(a[rowIndex[r] ?? 0]?.text ?? '')
        if (share < lowest) {
          next = lowest
          lowest = share
        } else if (share < next) {
          next = share
        }
        break
      }
    }
  }
  if (exact >= 2) {
    // The rarer word's evidence, plus what the second adds given the first: names go in pairs
    // (José Luis), so P(second | first) is taken as min(1, pairCorrelation × its share).
    const second = Math.max(0, Math.log2(model.model.secondGivenAgrees / Math.min(1, model.model.pairCorrelation * next)))
    return { level: 'exact_two', bits: model.tfBits('given', 'exact', lowest) + second, share: true }
  }
  if (fullWords(a, rowIndex, rows) >= 2 && fullWords(b, colIndex, cols) >= 2 && matchingSize(rows, cols, TOKEN_FUZZY) < Math.min(rows, cols)) {
    return plainGiven('conflict', model)
  }
  if (best === TOKEN_EXACT) {
    return { level: 'exact', bits: model.tfBits('given', 'exact', lowest), share: true }
  }
  return plainGiven(best === TOKEN_NICKNAME ? 'nickname' : best === TOKEN_PHONETIC ? 'phonetic' : 'fuzzy', model)
}

function plainGiven(level: GivenLevel, model: CompiledModel): GivenResult {
  return { level, bits: model.bits.given[level] ?? 0, share: false }
}

function fullWords(tokens: readonly NameToken[], index: Int8Array, count: number): number {
  let n = 0
  for (let k = 0; k < count; k++) {
    if ((tokens[index[k] ?? 0]?.text.length ?? 0) > 1) {
      n++
    }
  }
  return n
}

/** Size of the largest one-to-one matching among pairs at `maxLevel` or better (at most 4 × 4: tried exhaustively). */
function matchingSize(rows: number, cols: number, maxLevel: number): number {
  const search = (r: number, used: number): number => {
    if (r === rows) {
      return 0
    }
    let best = search(r + 1, used)
    for (let c = 0; c < cols; c++) {
      if ((used & (1 << c)) === 0 && (givenLevels[r * MAX_GIVEN + c] ?? TOKEN_NONE) <= maxLevel) {
        best = Math.max(best, 1 + search(r + 1, used | (1 << c)))
      }
    }
    return best
  }
  return search(0, 0)
}
