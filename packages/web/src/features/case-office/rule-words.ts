import { ComplaintCategory, HelpCategory, type Lang, type RoutingRule } from '@faro/core'
import type { MessageKey, MessageValues } from '../../i18n/messages.ts'
import { word } from '../cases/case-words.ts'
import { isAccusedInternalControl } from './rule-values.ts'

type T = (key: MessageKey, values?: MessageValues) => string

/** A routing rule in words: which cases it takes and where it sends them. */
export interface RuleWords {
  categories: string
  places: string
  accused: string
  to: string
}

/**
 * A rule as a person reads it: categories, kinds of place and agencies by name, never by code;
 * a condition left out reads as "any".
 * @example ruleWords(t, 'es', { name: '…', categories: ['extortion', 'theft'], accused: 'any', to: ['accused_internal_control', 'agency-pgr'] }, unitName)
 *   // { categories: 'Extorsión o robo', places: 'Cualquier lugar', accused: 'Se señala a alguna dependencia',
 *   //   to: 'El órgano interno de control de la dependencia señalada y Procuraduría General de la República' }
 */
export function ruleWords(t: T, lang: Lang, rule: RoutingRule, unitName: (id: string) => string): RuleWords {
  const or = new Intl.ListFormat(lang, { type: 'disjunction' })
  const and = new Intl.ListFormat(lang, { type: 'conjunction' })
  return {
    categories: categoriesText(t, or, rule.categories),
    places: rule.placeKinds === undefined || rule.placeKinds.length === 0 ? t('case.rules.anyPlace') : or.format(sentenceCase(rule.placeKinds.map((p) => word(t, 'placeKind', p)))),
    accused: accusedText(t, or, rule.accused, unitName),
    to: and.format(rule.to.map((b) => bodyName(t, b, unitName))),
  }
}

/** A body a rule sends cases to, by name; the accused agency's internal control body in words. */
export function bodyName(t: T, body: string, unitName: (id: string) => string): string {
  return isAccusedInternalControl(body) ? t('case.rules.accusedInternalControl') : unitName(body)
}

function categoriesText(t: T, or: Intl.ListFormat, categories: RoutingRule['categories']): string {
  if (categories === undefined || categories.length === 0) {
    return t('case.rules.anyCategory')
  }
  const chosen = new Set<string>(categories)
  // Every category of a kind reads as the kind: "any complaint" rather than seven names.
  const whole = (all: readonly string[]) => all.length === chosen.size && all.every((c) => chosen.has(c))
  if (whole(ComplaintCategory.options)) {
    return t('case.rules.anyComplaint')
  }
  if (whole(HelpCategory.options)) {
    return t('case.rules.anyHelp')
  }
  return or.format(sentenceCase(categories.map((c) => word(t, 'category', c))))
}

/** Catalogue words after the first, in lower case, to read as one phrase: «Extorsión o robo». */
function sentenceCase(words: readonly string[]): string[] {
  return words.map((w, i) => (i === 0 ? w : `${w.charAt(0).toLocaleLowerCase()}${w.slice(1)}`))
}

function accusedText(t: T, or: Intl.ListFormat, accused: RoutingRule['accused'], unitName: (id: string) => string): string {
  if (accused === undefined) {
    return t('case.rules.accused.unset')
  }
  if (accused === 'any' || accused === 'none') {
    return t(`case.rules.accused.${accused}`)
  }
  return or.format(accused.map(unitName))
}
