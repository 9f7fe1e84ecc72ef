import { ACCUSED_INTERNAL_CONTROL, CaseCategory, JourneyPlaceKind, RecordId, type RoutingRule } from '@faro/core'
import { z } from 'zod'

/** Who the rule asks to be accused: no condition, some agency, none, or these agencies. */
export const ACCUSED_MODES = ['unset', 'any', 'none', 'agencies'] as const
export type AccusedMode = (typeof ACCUSED_MODES)[number]

/** The most bodies one rule may send a case to (core's `RoutingRule.to`). */
export const MAX_BODIES = 5

/** A rule as the form holds it: lists of ticked boxes, and the accused as a choice and a list. */
export const RuleForm = z
  .object({
    name: z.string().trim().min(1).max(120),
    categories: z.array(CaseCategory),
    placeKinds: z.array(JourneyPlaceKind),
    accusedMode: z.enum(ACCUSED_MODES),
    agencies: z.array(RecordId),
    to: z.array(z.union([RecordId, z.literal(ACCUSED_INTERNAL_CONTROL)])).min(1, 'choose').max(MAX_BODIES, 'rules_too_many_bodies'),
  })
  .refine((v) => v.accusedMode !== 'agencies' || v.agencies.length > 0, { path: ['agencies'], message: 'choose' })
export type RuleForm = z.infer<typeof RuleForm>

/** The form of a rule, or of a new one (sent to no one yet, with no condition). */
export function ruleToForm(rule?: RoutingRule): RuleForm {
  const accused = rule?.accused
  return {
    name: rule?.name ?? '',
    categories: [...(rule?.categories ?? [])],
    placeKinds: [...(rule?.placeKinds ?? [])],
    accusedMode: accused === undefined ? 'unset' : typeof accused === 'string' ? accused : 'agencies',
    agencies: Array.isArray(accused) ? [...accused] : [],
    to: [...(rule?.to ?? [])],
  }
}

/**
 * The rule a checked form describes. A list left empty is no condition at all (any category, any
 * place), as core reads a rule; agencies ticked while another choice is made are not kept.
 */
export function formToRule(form: RuleForm): RoutingRule {
  return {
    name: form.name.trim(),
    ...(form.categories.length > 0 ? { categories: [...form.categories] } : {}),
    ...(form.placeKinds.length > 0 ? { placeKinds: [...form.placeKinds] } : {}),
    ...(form.accusedMode === 'any' || form.accusedMode === 'none' ? { accused: form.accusedMode } : {}),
    ...(form.accusedMode === 'agencies' ? { accused: [...new Set(form.agencies)] } : {}),
    to: [...new Set(form.to)],
  }
}

/** The rules with one moved a place up (-1) or down (+1); the same list when it cannot move. */
export function moveRule<T>(rules: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by
  if (index < 0 || index >= rules.length || target < 0 || target >= rules.length) {
    return [...rules]
  }
  const next = [...rules]
  const [moved] = next.splice(index, 1)
  if (moved !== undefined) {
    next.splice(target, 0, moved)
  }
  return next
}

/** True when the body is the accused agency's internal control body, named by the rule, not by id. */
export function isAccusedInternalControl(body: string): boolean {
  return body === ACCUSED_INTERNAL_CONTROL
}
