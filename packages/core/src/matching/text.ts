/**
 * Text folding for name matching: what two clerks write differently for the same sound or
 * letter (case, accents, ñ, apostrophes of Mayan orthographies, punctuation) becomes the same.
 */

/**
 * Words that join name parts and carry no identity of their own. `Saint` and `St` are here
 * because Haitian surnames (Saint-Louis, St Fleur) are written both ways.
 */
export const MATCH_PARTICLES: ReadonlySet<string> = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'das', 'do', 'dos', 'van', 'von', 'saint', 'sainte', 'st', 'ste'])

/**
 * Lower case, accents and diaeresis gone, ñ as n, apostrophes dropped inside words (K'iche' →
 * kiche), anything else that is not a letter turned into one space.
 * @example foldText("  Peña-NÚÑEZ, Ma. de los Ángeles K'iche' ") // 'pena nunez ma de los angeles kiche'
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim()
}

/**
 * The words of a name field, folded, with particles kept (callers decide what a particle means
 * where it stands).
 * @example foldWords('María de la Cruz') // ['maria', 'de', 'la', 'cruz']
 */
export function foldWords(text: string): string[] {
  const folded = foldText(text)
  return folded === '' ? [] : folded.split(' ')
}

/**
 * Whether a field was typed in capitals, as Mexican forms ask for ("HERNANDEZ LOPEZ JUAN"):
 * then the surnames usually come first.
 */
export function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
}
