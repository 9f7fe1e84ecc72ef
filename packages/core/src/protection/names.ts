/**
 * Spanish-name normalisation and a phonetic key, so that a name can be found by keyed hashes of
 * its tokens instead of by decrypting every identity. Written for the spellings staff meet in
 * the field: accents dropped, particles ignored, and letters that sound alike in Latin American
 * Spanish (b/v, s/z/c, ll/y, silent h, qu/k, gue/gui) folded together.
 */

/** Particles that join surnames and carry no identity of their own. */
export const NAME_PARTICLES: readonly string[] = ['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'dos', 'van', 'von']

/**
 * Lower-cases, strips accents (keeping ñ), turns anything but letters into single spaces.
 * @example normaliseName('  José-María  DE LA Peña ') // 'jose maria de la peña'
 */
export function normaliseName(name: string): string {
  // Each character on its own, so that ñ keeps its tilde while other accents go.
  const folded = [...name.toLowerCase()].map((ch) => (ch === 'ñ' ? ch : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))).join('')
  return folded.replace(/[^a-zñ]+/g, ' ').trim()
}

/**
 * The tokens of a name worth searching on: normalised, particles removed, duplicates dropped.
 * @example nameTokens('María de los Ángeles Pérez y Gómez') // ['maria', 'angeles', 'perez', 'gomez']
 */
export function nameTokens(name: string): string[] {
  const words = normaliseName(name).split(' ').filter((w) => w.length > 0 && !NAME_PARTICLES.includes(w))
  return [...new Set(words)]
}

/**
 * A phonetic key of one word for Spanish: spellings that sound alike get the same key.
 * @example phoneticKey('Velázquez') === phoneticKey('Belasques') // true: both are 'belaskes'
 * @example phoneticKey('Guillermo') === phoneticKey('Giyermo') // true
 * @example phoneticKey('Hernández') === phoneticKey('Ernandes') // true
 */
export function phoneticKey(word: string): string {
  let w = normaliseName(word).replace(/ /g, '')
  w = w
    .replace(/ch/g, '1')
    .replace(/ll/g, 'y')
    .replace(/h/g, '')
    .replace(/qu([ei])/g, 'k$1')
    .replace(/gu([ei])/g, 'g$1')
    .replace(/gü/g, 'gu')
    .replace(/c([ei])/g, 's$1')
    .replace(/g([ei])/g, 'j$1')
    .replace(/x/g, 'ks')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/w/g, 'u')
    .replace(/ñ/g, 'ni')
    .replace(/y([^aeiou]|$)/g, 'i$1')
    .replace(/(.)\1+/g, '$1')
    .replace(/1/g, 'ch')
  return w
}

/**
 * The phonetic keys of every token of a name.
 * @example namePhoneticKeys('Juan de la Cruz') // ['juan', 'krus']
 */
export function namePhoneticKeys(name: string): string[] {
  return [...new Set(nameTokens(name).map(phoneticKey).filter((k) => k.length > 0))]
}

/**
 * A phone number reduced to its digits, so that `+52 (664) 123-4567` and `526641234567` match.
 * @example normalisePhone('+52 (664) 123-4567') // '526641234567'
 */
export function normalisePhone(phone: string): string {
  return phone.replace(/\D/g, '')
}
