/**
 * Spelling mutators of the matching benchmark's generator, written apart from the engine's
 * phonetic key so the benchmark measures how far the engine's rules generalise: each picks one
 * applicable change at random.
 */
import type { Rng } from './matching-data.ts'

type Rule = readonly [RegExp, string | ((match: string) => string)]

/** Spelling by sound: what a clerk writes for a name heard aloud. */
const PHONETIC: readonly Rule[] = [
  [/v/, 'b'], [/b/, 'v'], [/z$/, 's'], [/ez$/, 'es'], [/es$/, 'ez'], [/z/, 's'], [/c([eiéí])/, 's$1'], [/s([eiéí])/, 'c$1'],
  [/ll/, 'y'], [/y([aeiouáéíóú])/, 'll$1'], [/^h([aeiouáéíóú])/, '$1'], [/^([aeiouáéíóú])/, 'h$1'], [/j([eiéí])/, 'g$1'],
  [/g([eiéí])/, 'j$1'], [/^w/, 'gu'], [/^gu([aá])/, 'w$1'], [/ñ/, 'n'], [/ñ/, 'ni'], [/^x/, 'j'], [/^j/, 'x'], [/qu/, 'k'],
  [/c([aou])/, 'k$1'], [/rr/, 'r'], [/y$/, 'i'], [/i$/, 'y'], [/th/, 't'], [/ph/, 'f'], [/(.)\1/, '$1'], [/sh/, 'ch'],
  [/ch/, 'sh'], [/([aeiou])h([aeiou])/, '$1$2'],
]

/** Transliterations of Mayan surnames between orthographies (ALMG and older Spanish-based ones). */
const MAYAN: readonly Rule[] = [
  [/x/, 'sh'], [/x/, 'ch'], [/ch/, 'x'], [/sh/, 'x'], [/c([aouáóú])/, 'k$1'], [/c$/, 'k'], [/qu/, 'k'], [/k/, 'c'], [/tz/, 'ts'],
  [/aa/, 'a'], [/j/, 'h'], [/^([bcdfgjklmnpqstvxz]+)/, "$1'"], [/u([aeio])/, 'w$1'],
]

const KEYBOARD: Readonly<Record<string, string>> = {
  a: 'qwsz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wsdr', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', i: 'ujko', j: 'huikmn',
  k: 'jiolm', l: 'kop', m: 'njk', n: 'bhjm', o: 'iklp', p: 'ol', q: 'wa', r: 'edft', s: 'awedxz', t: 'rfgy', u: 'yhji',
  v: 'cfgb', w: 'qase', x: 'zsdc', y: 'tghu', z: 'asx',
}

/** One spelling-by-sound change. */
export function phoneticSpelling(rng: Rng, word: string): string {
  return applyOne(rng, word, PHONETIC)
}

/** One change of Mayan orthography. */
export function mayanSpelling(rng: Rng, word: string): string {
  return applyOne(rng, word, MAYAN)
}

/** One keyboard slip: a neighbouring key, a letter dropped, doubled or swapped with the next. */
export function typo(rng: Rng, word: string): string {
  if (word.length < 3) {
    return word
  }
  const chars = [...word]
  const i = 1 + Math.floor(rng() * (chars.length - 1))
  const kind = rng()
  const c = chars[i] ?? ''
  if (kind < 0.35) {
    const near = KEYBOARD[c.toLowerCase()]
    if (near) {
      const n = near[Math.floor(rng() * near.length)] ?? c
      chars[i] = c === c.toUpperCase() ? n.toUpperCase() : n
    }
  } else if (kind < 0.6) {
    chars.splice(i, 1)
  } else if (kind < 0.8) {
    chars.splice(i, 0, c)
  } else if (i + 1 < chars.length) {
    chars[i] = chars[i + 1] ?? c
    chars[i + 1] = c
  } else {
    chars.splice(i, 1)
  }
  return chars.join('')
}

function applyOne(rng: Rng, word: string, rules: readonly Rule[]): string {
  const upper = word === word.toUpperCase()
  const lower = word.toLowerCase()
  const applicable = rules.filter(([pattern]) => pattern.test(lower))
  if (applicable.length === 0) {
    return word
  }
  const [pattern, replacement] = applicable[Math.floor(rng() * applicable.length)] ?? rules[0] ?? [/$^/, '']
  const changed = typeof replacement === 'string' ? lower.replace(pattern, replacement) : lower.replace(pattern, replacement)
  if (upper) {
    return changed.toUpperCase()
  }
  return changed
    .split(/([ -])/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}
