import type { RoutingRuleSet } from '@faro/core'

export type { Cluster, RoutingRule, RoutingRuleSet, Scorecard } from '@faro/core'

/** One saved version of the routing rules, without its content. */
export interface RuleVersion {
  version: number
  /** The account that saved it. */
  createdBy: string
  createdAt: string
  /** Why the rules changed. */
  note: string
}

/** GET /api/cases/routing-rules: the rules in force (version 0: the starting set) and every saved version, newest first. */
export interface RulesAnswer {
  version: number
  rules: RoutingRuleSet
  versions: RuleVersion[]
}
