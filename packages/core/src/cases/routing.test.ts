import { describe, expect, it } from 'vitest'
import { defaultRoutingRules, routeCase, RoutingRuleSet } from './routing.ts'

const set = defaultRoutingRules(['agency-inm', 'agency-aga', 'agency-pgr', 'agency-sfp', 'agency-banjercito', 'agency-sre'])
// A tiny org tree: the customs' port office sits under customs.
const parent: Record<string, string> = { 'aga-nuevo-laredo': 'agency-aga' }
const isUnder = (unit: string, agency: string): boolean => unit === agency || parent[unit] === agency

describe('routing a case', () => {
  it('is a valid rule set', () => {
    expect(RoutingRuleSet.safeParse(set).success).toBe(true)
  })

  it('sends extortion by a customs official to customs\' internal control and the prosecutor, never to customs', () => {
    const d = routeCase(set, { category: 'extortion', place: { kind: 'customs' }, accused: { agencyId: 'agency-aga' } }, isUnder)
    expect(d.bodies).toEqual(['oic-aga', 'agency-pgr'])
    expect(d.bodies).not.toContain('agency-aga')
  })

  it('sends mistreatment by an immigration officer to INM\'s internal control only', () => {
    expect(routeCase(set, { category: 'mistreatment', place: { kind: 'immigration_checkpoint' }, accused: { agencyId: 'agency-inm' } }, isUnder).bodies).toEqual(['oic-inm'])
  })

  it('drops a body under the accused agency that a rule names, and says so', () => {
    const custom: RoutingRuleSet = { ...set, rules: [{ name: 'x', categories: ['theft'], to: ['aga-nuevo-laredo', 'agency-pgr'] }] }
    const d = routeCase(custom, { category: 'theft', place: { kind: 'customs' }, accused: { agencyId: 'agency-aga' } }, isUnder)
    expect(d.bodies).toEqual(['agency-pgr'])
    expect(d.dropped).toEqual(['aga-nuevo-laredo'])
  })

  it('falls back to the accused agency\'s internal control when every named body was dropped', () => {
    const custom: RoutingRuleSet = { ...set, rules: [{ name: 'x', to: ['agency-aga'] }] }
    expect(routeCase(custom, { category: 'theft', place: { kind: 'unknown' }, accused: { agencyId: 'agency-aga' } }, isUnder)).toEqual({ bodies: ['oic-aga'], rule: -1, dropped: ['agency-aga'] })
  })

  it('routes help to the agency that can give it, and what no rule takes to the national office', () => {
    expect(routeCase(set, { category: 'recover_seized_vehicle_or_goods', place: { kind: 'customs' } }, isUnder).bodies).toEqual(['agency-aga', 'agency-banjercito'])
    expect(routeCase(set, { category: 'locate_migrant', place: { kind: 'unknown' } }, isUnder)).toMatchObject({ bodies: ['paisano'], rule: -1 })
  })
})
