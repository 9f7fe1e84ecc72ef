import { z } from 'zod'
import { RecordId } from '../util/ids.ts'
import { CaseCategory, JourneyPlaceKind } from './catalogues.ts'
import type { CaseOpened } from './schemas.ts'

/** Sends a case to the internal control body of the agency it accuses. */
export const ACCUSED_INTERNAL_CONTROL = 'accused_internal_control'

/**
 * One routing rule: which cases it takes (every condition left out matches anything) and the
 * bodies it sends them to. The first rule that matches decides.
 */
export const RoutingRule = z.strictObject({
  name: z.string().trim().min(1).max(120).describe('what the rule is for, in words'),
  categories: z.array(CaseCategory).max(20).optional(),
  placeKinds: z.array(JourneyPlaceKind).max(20).optional(),
  accused: z.union([z.enum(['any', 'none']), z.array(RecordId).min(1).max(50)]).optional().describe('any: some agency is accused; none: no agency is; or these agencies'),
  to: z.array(z.union([RecordId, z.literal(ACCUSED_INTERNAL_CONTROL)])).min(1).max(5),
})
export type RoutingRule = z.infer<typeof RoutingRule>

/**
 * The routing rules as data an administrator edits: the internal control body of each agency,
 * the rules in order, and the body that takes what no rule takes.
 */
export const RoutingRuleSet = z.strictObject({
  internalControl: z.record(RecordId, RecordId).describe('agency unit → the unit of its internal control body'),
  rules: z.array(RoutingRule).max(500),
  fallback: RecordId.describe('takes what no rule takes, e.g. the Paisano national office'),
})
export type RoutingRuleSet = z.infer<typeof RoutingRuleSet>

/** Where a case goes, and which rule said so (-1: the fallback). */
export interface RoutingDecision {
  bodies: string[]
  rule: number
  /** Bodies a rule named that were dropped because they are, or sit under, the accused agency. */
  dropped: string[]
}

/**
 * Routes a case by the rule set. The accused agency never handles a case against it: a body that
 * is the accused agency, or sits under it (`isUnder`), is dropped, and when nothing is left the
 * case goes to the accused agency's internal control body, else to the fallback.
 */
export function routeCase(set: RoutingRuleSet, c: Pick<CaseOpened, 'category' | 'place' | 'accused'>, isUnder: (unit: string, agency: string) => boolean): RoutingDecision {
  const accused = c.accused?.agencyId
  const index = set.rules.findIndex((r) => matches(r, c, accused))
  const rule = set.rules[index]
  const named = (rule?.to ?? [set.fallback]).flatMap((to) => {
    if (to !== ACCUSED_INTERNAL_CONTROL) {
      return [to]
    }
    const oic = accused === undefined ? undefined : set.internalControl[accused]
    return oic === undefined ? [] : [oic]
  })
  const kept = [...new Set(named)].filter((b) => accused === undefined || !isUnder(b, accused))
  const dropped = named.filter((b) => !kept.includes(b))
  if (kept.length > 0) {
    return { bodies: kept, rule: index, dropped }
  }
  const oic = accused === undefined ? undefined : set.internalControl[accused]
  return { bodies: [oic ?? set.fallback], rule: -1, dropped }
}

function matches(rule: RoutingRule, c: Pick<CaseOpened, 'category' | 'place'>, accused: string | undefined): boolean {
  if (rule.categories && !rule.categories.includes(c.category)) {
    return false
  }
  if (rule.placeKinds && !rule.placeKinds.includes(c.place.kind)) {
    return false
  }
  if (rule.accused === 'any') {
    return accused !== undefined
  }
  if (rule.accused === 'none') {
    return accused === undefined
  }
  return rule.accused === undefined || (accused !== undefined && rule.accused.includes(accused))
}

const OFFICIAL_MISCONDUCT = ['extortion', 'theft', 'abuse_of_authority', 'mistreatment', 'misuse_of_procedure', 'seizure_of_vehicle_or_goods', 'other_complaint'] as const

/**
 * The starting rule set, from the Paisano guide and the commission's members: complaints against
 * an official go to that agency's internal control body, and crimes (extortion, theft) also to
 * the federal prosecutor; complaints with no agency named go to the public-administration
 * oversight body or the prosecutor; help goes to the agency that can give it.
 */
export function defaultRoutingRules(agencies: readonly string[]): RoutingRuleSet {
  const internalControl = Object.fromEntries(agencies.map((a) => [a, `oic-${a.replace(/^agency-/, '')}`]))
  return {
    internalControl,
    fallback: 'paisano',
    rules: [
      { name: 'Extorsión o robo por un servidor público: control interno y Fiscalía', categories: ['extortion', 'theft'], accused: 'any', to: [ACCUSED_INTERNAL_CONTROL, 'agency-pgr'] },
      { name: 'Conducta de un servidor público: control interno de su dependencia', categories: [...OFFICIAL_MISCONDUCT], accused: 'any', to: [ACCUSED_INTERNAL_CONTROL] },
      { name: 'Extorsión o robo sin dependencia señalada: Fiscalía', categories: ['extortion', 'theft'], accused: 'none', to: ['agency-pgr'] },
      { name: 'Retención de vehículo o mercancía: Aduanas', categories: ['seizure_of_vehicle_or_goods'], to: ['agency-aga'] },
      { name: 'Maltrato o abuso sin dependencia señalada: Función Pública', categories: ['abuse_of_authority', 'mistreatment', 'misuse_of_procedure'], accused: 'none', to: ['agency-sfp'] },
      { name: 'Recuperar vehículo o mercancía retenidos: Aduanas y Banjército', categories: ['recover_seized_vehicle_or_goods'], to: ['agency-aga', 'agency-banjercito'] },
      { name: 'Revisar el permiso de importación temporal: Banjército', categories: ['check_vehicle_import_documents'], to: ['agency-banjercito'] },
      { name: 'Documentos de identidad y traslado de restos: Relaciones Exteriores', categories: ['obtain_documents', 'transport_of_remains'], to: ['agency-sre'] },
    ],
  }
}
