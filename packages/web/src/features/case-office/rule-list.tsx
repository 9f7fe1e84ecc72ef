import type { RoutingRule } from '@faro/core'
import { useId, type ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ruleWords } from './rule-words.ts'

interface RuleCardsProps {
  rules: readonly RoutingRule[]
  unitName(id: string): string
  /** The buttons of a rule while the list is edited; none when it is only read. */
  actions?: (index: number, headingId: string) => ReactNode
  /** Shown in the place of the rule being changed. */
  editing?: { index: number; form: ReactNode }
}

/**
 * The rules in order, each in words: what it is for, which cases it takes and where it sends
 * them. Cards, not a table, so nothing scrolls sideways on a phone.
 */
export function RuleCards({ rules, unitName, actions, editing }: RuleCardsProps) {
  const { t } = useI18n()
  return (
    <ol className="list office-rules" data-testid="rule-list" aria-label={t('case.rules.listLabel')}>
      {rules.map((rule, index) =>
        editing?.index === index ? (
          <li key={`edit-${index}`} className="office-rule-editing">
            {editing.form}
          </li>
        ) : (
          <RuleCard key={`${index}-${rule.name}`} rule={rule} index={index} unitName={unitName} actions={actions} />
        ),
      )}
    </ol>
  )
}

function RuleCard({ rule, index, unitName, actions }: { rule: RoutingRule; index: number; unitName(id: string): string; actions: RuleCardsProps['actions'] }) {
  const { t, lang } = useI18n()
  const headingId = useId()
  const words = ruleWords(t, lang, rule, unitName)
  return (
    <li className="list-item office-rule" data-testid="rule-item">
      <h3 id={headingId} className="office-rule-name">
        <span className="office-rule-number">{t('case.rules.number', { n: index + 1 })}</span> {rule.name}
      </h3>
      <dl className="facts office-rule-facts">
        <div>
          <dt>{t('case.rules.categories')}</dt>
          <dd>{words.categories}</dd>
        </div>
        <div>
          <dt>{t('case.rules.placeKinds')}</dt>
          <dd>{words.places}</dd>
        </div>
        <div>
          <dt>{t('case.rules.accused')}</dt>
          <dd>{words.accused}</dd>
        </div>
        <div>
          <dt>{t('case.rules.to')}</dt>
          <dd data-testid="rule-to">{words.to}</dd>
        </div>
      </dl>
      {actions ? <div className="actions office-rule-actions">{actions(index, headingId)}</div> : null}
    </li>
  )
}
