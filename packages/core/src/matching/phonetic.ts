import { foldText } from './text.ts'

/**
 * Phonetic keys of one name word, for Latin American Spanish as clerks hear it, Mayan names as
 * they are transliterated, and Haitian names written by Spanish speakers. Spellings that sound
 * alike get a common key: b/v, s/z/c(e,i), y/ll, silent h, j/g(e,i)/gu(e,i), w/gu, ñ/n/ni,
 * k/q/c, the Mayan x = sh = ch, and the silent final e of French spellings. An x can also sound as j (Ximena) or ks (Alexis), so a word
 * with an x has up to three keys; a key is never the only evidence (see compare.ts).
 * @example phoneticKeys('Velázquez') // ['belaskes'], as phoneticKeys('Belasques')
 * @example phoneticKeys('Xicay') // ['Xikai', 'jikai', 'ksikai'], the first as phoneticKeys('Chicay')
 */
export function phoneticKeys(word: string): string[] {
  const folded = foldText(word).replace(/ /g, '')
  if (folded === '') {
    return []
  }
  if (!folded.includes('x')) {
    return [encode(folded)]
  }
  // The Mayan reading first: it is the one no other rule recovers.
  const keys = [encode(folded.replace(/x/g, 'X')), encode(folded.replace(/x/g, 'j')), encode(folded.replace(/x/g, 'ks'))]
  return [...new Set(keys)]
}

/**
 * One key, on a folded word (a–z) whose x has been replaced: `X` stands for the sh sound.
 * Rules apply in order; later rules see earlier results.
 */
function encode(word: string): string {
  return (
    word
      // Haitian names in French spelling: Louis ~ Luis, Moreau ~ Moro.
      .replace(/eau/g, 'o')
      .replace(/ou/g, 'u')
      .replace(/sh|ch/g, 'X')
      .replace(/ph/g, 'f')
      .replace(/th/g, 't')
      .replace(/jh/g, 'j')
      // Wilmer ~ Guilmer, Walter ~ Gualter.
      .replace(/w/g, 'gu')
      .replace(/h/g, '')
      .replace(/tz/g, 'ts')
      .replace(/qu(?=[ei])/g, 'k')
      .replace(/q/g, 'k')
      .replace(/c(?=[ei])/g, 's')
      .replace(/c/g, 'k')
      .replace(/z/g, 's')
      // Guillermo ~ Gillermo ~ Jillermo: gue/gui, ge/gi and je/ji are written for one another.
      .replace(/gu(?=[ei])/g, 'g')
      .replace(/g(?=[ei])/g, 'j')
      .replace(/v/g, 'b')
      .replace(/ll/g, 'y')
      .replace(/y(?![aeiou])/g, 'i')
      // Núñez written Nuniez or Nunyez once the tilde is lost.
      .replace(/([aeiou])n[iy](?=[aeiou])/g, '$1n')
      .replace(/n(?=[bp])/g, 'm')
      .replace(/(.)\1+/g, '$1')
      // A final e after a consonant: silent in Haitian French names (Pierre ~ Pier, Rose ~ Roz).
      .replace(/([^aeiou])e$/, '$1')
  )
}
