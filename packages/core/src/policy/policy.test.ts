import { describe, expect, it } from 'vitest'
import { POLICY, PolicyAction, decide, scopesOf, type Actor } from './policy.ts'
import { Role } from '../accounts/roles.ts'

const path = ['inm', 'beta', 'beta-tijuana']
const agent: Actor = { userId: 'u-agent', role: 'field_agent', orgUnitId: 'beta-tijuana' }
const coordinator: Actor = { userId: 'u-coord', role: 'group_coordinator', orgUnitId: 'beta' }

describe('policy table', () => {
  it('has no duplicated rows', () => {
    const keys = POLICY.map((r) => `${r.role}|${r.action}|${r.scope}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('never grants create in the own or routed scope, where a new record has no owner or route yet', () => {
    const odd = POLICY.filter((r) => r.action.endsWith('.create') && (r.scope === 'own' || r.scope === 'routed'))
    expect(odd).toEqual([])
  })

  it('gives every role at least one action, so every role has a home', () => {
    for (const role of Role.options) {
      expect(POLICY.some((r) => r.role === role)).toBe(true)
    }
  })

  it('lets only those who manage an account reset its second factor, and no further', () => {
    const resets = POLICY.filter((r) => r.action === 'user.reset_second_factor')
    expect(resets.length).toBeGreaterThan(0)
    for (const r of resets) {
      expect(POLICY).toContainEqual({ role: r.role, action: 'user.manage', scope: r.scope })
    }
  })

  it('only names known actions', () => {
    for (const r of POLICY) {
      expect(PolicyAction.options).toContain(r.action)
    }
  })
})

describe('decide', () => {
  it('allows a field agent to read a record of the own group and names the rule', () => {
    const d = decide(agent, 'attention.read', { orgUnitPath: path })
    expect(d).toEqual({ allowed: true, rule: { role: 'field_agent', action: 'attention.read', scope: 'unit' } })
  })

  it('denies a field agent a record of another group', () => {
    expect(decide(agent, 'attention.read', { orgUnitPath: ['inm', 'beta', 'beta-tapachula'] }).allowed).toBe(false)
  })

  it('lets a field agent correct only records they created', () => {
    expect(decide(agent, 'attention.update', { orgUnitPath: path, ownerId: 'u-agent' }).allowed).toBe(true)
    expect(decide(agent, 'attention.update', { orgUnitPath: path, ownerId: 'u-other' }).allowed).toBe(false)
  })

  it('lets a coordinator reach the whole subtree below the own unit, and nothing above it', () => {
    expect(decide(coordinator, 'rescue.read', { orgUnitPath: path }).allowed).toBe(true)
    expect(decide(coordinator, 'rescue.read', { orgUnitPath: ['inm'] }).allowed).toBe(false)
  })

  it('reaches routed records only for the agency they were routed to', () => {
    const liaison: Actor = { userId: 'u-l', role: 'agency_liaison', orgUnitId: 'agency-sfp' }
    // No routed rows exist yet for liaisons on field records, so the decision must be a denial.
    expect(decide(liaison, 'attention.read', { orgUnitPath: path, routedTo: ['agency-sfp'] }).allowed).toBe(false)
  })

  it('orders the scopes of a role widest first', () => {
    expect(scopesOf('field_agent', 'attention.read')).toEqual(['unit'])
    expect(scopesOf('national_analyst', 'attention.read')).toEqual(['national'])
    expect(scopesOf('module_volunteer', 'attention.read')).toEqual([])
  })
})
