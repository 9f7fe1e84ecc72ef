import { defaultRoutingRules, RoutingRule } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { formToRule, moveRule, RuleForm, ruleToForm } from './rule-values.ts'

const starting = defaultRoutingRules(['agency-aga', 'agency-inm', 'agency-pgr', 'agency-sfp', 'agency-banjercito', 'agency-sre']).rules

describe('ruleToForm and formToRule', () => {
  it('give back every starting rule unchanged', () => {
    for (const rule of starting) {
      expect(formToRule(RuleForm.parse(ruleToForm(rule)))).toEqual(rule)
    }
  })

  it('reads lists left empty as no condition, which core takes as any', () => {
    const rule = formToRule({ name: ' Todo lo demás ', categories: [], placeKinds: [], accusedMode: 'unset', agencies: ['agency-aga'], to: ['paisano'] })
    expect(rule).toEqual({ name: 'Todo lo demás', to: ['paisano'] })
    expect(RoutingRule.safeParse(rule).success).toBe(true)
  })

  it('keeps the agencies ticked only when the rule asks for those agencies', () => {
    const form = { name: 'Aduanas', categories: ['extortion' as const], placeKinds: ['customs' as const], accusedMode: 'agencies' as const, agencies: ['agency-aga', 'agency-aga'], to: ['accused_internal_control'] }
    expect(formToRule(form)).toEqual({ name: 'Aduanas', categories: ['extortion'], placeKinds: ['customs'], accused: ['agency-aga'], to: ['accused_internal_control'] })
    expect(formToRule({ ...form, accusedMode: 'none' }).accused).toBe('none')
  })

  it('starts a new rule with nothing chosen', () => {
    expect(ruleToForm()).toEqual({ name: '', categories: [], placeKinds: [], accusedMode: 'unset', agencies: [], to: [] })
  })
})

describe('RuleForm', () => {
  const valid = { name: 'Regla', categories: [], placeKinds: [], accusedMode: 'unset', agencies: [], to: ['agency-aga'] }

  it('asks for at least one body and at most five', () => {
    expect(RuleForm.safeParse({ ...valid, to: [] }).error?.issues[0]).toMatchObject({ path: ['to'], message: 'choose' })
    expect(RuleForm.safeParse({ ...valid, to: ['a', 'b', 'c', 'd', 'e', 'f'] }).error?.issues[0]).toMatchObject({ path: ['to'], message: 'rules_too_many_bodies' })
  })

  it('asks for an agency when the rule is about named agencies', () => {
    expect(RuleForm.safeParse({ ...valid, accusedMode: 'agencies' }).error?.issues[0]).toMatchObject({ path: ['agencies'], message: 'choose' })
  })

  it('asks for a name', () => {
    expect(RuleForm.safeParse({ ...valid, name: '   ' }).success).toBe(false)
  })
})

describe('moveRule', () => {
  it('moves a rule up or down one place', () => {
    expect(moveRule(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveRule(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
  })

  it('leaves the list as it is at either end', () => {
    expect(moveRule(['a', 'b'], 0, -1)).toEqual(['a', 'b'])
    expect(moveRule(['a', 'b'], 1, 1)).toEqual(['a', 'b'])
  })
})
