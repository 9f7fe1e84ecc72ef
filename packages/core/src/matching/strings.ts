const SCRATCH = 64
const scratchA = new Uint8Array(SCRATCH)
const scratchB = new Uint8Array(SCRATCH)

/**
 * Jaro–Winkler similarity as Winkler defined it: common prefix of at most 4, scale 0.1, the
 * boost applied above 0.7. Standard vectors: martha/marhta 0.9611, dwayne/duane 0.84,
 * dixon/dicksonx 0.8133.
 * @example jaroWinkler('hernandez', 'hernandes') // 0.9556
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) {
    return 1
  }
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) {
    return 0
  }
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1)
  // Scratch flags reused between calls: names are short, and this runs millions of times.
  const matchedA = la <= SCRATCH ? scratchA.fill(0, 0, la) : new Uint8Array(la)
  const matchedB = lb <= SCRATCH ? scratchB.fill(0, 0, lb) : new Uint8Array(lb)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window)
    const to = Math.min(lb - 1, i + window)
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedA[i] = 1
        matchedB[j] = 1
        matches++
        break
      }
    }
  }
  if (matches === 0) {
    return 0
  }
  let transpositions = 0
  let k = 0
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) {
      continue
    }
    while (matchedB[k] === 0) {
      k++
    }
    if (a.charCodeAt(i) !== b.charCodeAt(k)) {
      transpositions++
    }
    k++
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3
  if (jaro <= 0.7) {
    return jaro
  }
  let prefix = 0
  const limit = Math.min(4, la, lb)
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) {
    prefix++
  }
  return jaro + prefix * 0.1 * (1 - jaro)
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein where no substring is edited twice):
 * insertions, deletions, substitutions and transpositions of neighbours each cost 1. Stops
 * early and returns `max + 1` once the distance must exceed `max`.
 * @example osaDistance('hernandez', 'hrenandez') // 1
 */
export function osaDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > max) {
    return max + 1
  }
  let prev2 = new Array<number>(lb + 1).fill(0)
  let prev = Array.from({ length: lb + 1 }, (_, j) => j)
  let row = new Array<number>(lb + 1).fill(0)
  for (let i = 1; i <= la; i++) {
    row[0] = i
    let rowMin = i
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, (prev2[j - 2] ?? 0) + 1)
      }
      row[j] = value
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > max) {
      return max + 1
    }
    ;[prev2, prev, row] = [prev, row, prev2]
  }
  return prev[lb] ?? 0
}

/**
 * Whether two words are at most one edit apart (insert, delete, substitute, or swap two
 * neighbours): `osaDistance(a, b) <= 1` without the table.
 * @example withinOneEdit('hernandez', 'hernadez') // true
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) {
    return false
  }
  let i = 0
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) {
    i++
  }
  if (i === la && i === lb) {
    return true
  }
  if (la === lb) {
    // A substitution, or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) {
      return true
    }
    return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && a.slice(i + 2) === b.slice(i + 2)
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}
