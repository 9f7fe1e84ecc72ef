import { useId, useMemo, useState } from 'react'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { unitChoices, type Choice } from '../../ui/choices.ts'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'

// The units the groups' registries are kept under.
const GROUP_KINDS = new Set(['beta_coordination', 'beta_group'])

export interface UnitChoice {
  /** The unit whose registries are shown, with the units below it; null until the units are known. */
  unit: string | null
  setUnit(unit: string): void
  /** The account's own unit first when it keeps groups, then the groups below it, in tree order. */
  choices: Choice[]
}

/**
 * Which unit a registry screen shows: the account's own by default, or one of the groups below
 * it. An account above the groups' coordination (the national office's analysts) starts on it,
 * not on every account of the institute.
 */
export function useUnitChoice(): UnitChoice {
  const { me } = useSession()
  const own = GROUP_KINDS.has(me.orgUnit.kind)
  const [picked, setUnit] = useState<string | undefined>(undefined)
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  const choices = useMemo(() => {
    const below = units.status === 'ok' ? units.data.items.filter((u) => u.id !== me.orgUnit.id && u.path.includes(me.orgUnit.id) && GROUP_KINDS.has(u.kind)) : []
    const tree = unitChoices(below).map((c) => ({ ...c, label: c.label.trim() }))
    return own ? [{ value: me.orgUnit.id, label: me.orgUnit.name }, ...tree] : tree
  }, [units, me.orgUnit, own])
  const unit = picked ?? (own ? me.orgUnit.id : (choices[0]?.value ?? (units.status === 'error' ? me.orgUnit.id : null)))
  return { unit, setUnit, choices }
}

/** The unit picker, shown only to an account above a group (the national coordination, the analysts). */
export function UnitPicker({ choice }: { choice: UnitChoice }) {
  const { t } = useI18n()
  const id = useId()
  if (choice.choices.length < 2) {
    return null
  }
  return (
    <div className="field reg-unit">
      <label htmlFor={id}>{t('reg.unit')}</label>
      <select id={id} value={choice.unit ?? ''} onChange={(e) => choice.setUnit(e.target.value)} data-testid="reg-unit">
        {choice.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  )
}
