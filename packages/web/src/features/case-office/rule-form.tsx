import { ACCUSED_INTERNAL_CONTROL, ComplaintCategory, HelpCategory, JourneyPlaceKind, type RoutingRule } from '@faro/core'
import { useEffect, useId, useRef } from 'react'
import type { FieldError, FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import type { Choice } from '../../ui/choices.ts'
import { FormActions, TextField, useSchemaForm } from '../../ui/form.tsx'
import { word } from '../cases/case-words.ts'
import { RadioTiles } from '../../ui/choice-fields.tsx'
import { ACCUSED_MODES, formToRule, MAX_BODIES, RuleForm, ruleToForm } from './rule-values.ts'

interface RuleFormCardProps {
  /** The rule to change; none for a new one. */
  rule?: RoutingRule
  /** Its place in the list, 1-based, for the heading. */
  position: number
  /** The bodies a case may be sent to, by kind; `other`: the national office and any other unit a rule names. */
  bodies: BodyChoices
  onDone(rule: RoutingRule): void
  onCancel(): void
}

/**
 * One routing rule to add or change: its name, which cases it takes (categories, kinds of place,
 * the accused agency) and the bodies it sends them to. Nothing is saved here: the rule goes back
 * into the list, which is saved as a whole with a note.
 */
export function RuleFormCard({ rule, position, bodies, onDone, onCancel }: RuleFormCardProps) {
  const { t } = useI18n()
  const headingId = useId()
  const form = useSchemaForm(RuleForm, ruleToForm(rule))
  const mode = form.watch('accusedMode')
  // The form takes the place of the rule or of the button that opened it: the keyboard goes on
  // from its heading. Not from the name field, whose check on leaving it would move the buttons.
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const submit = form.handleSubmit((values) => onDone(formToRule(values)))
  const categories = (list: readonly string[]) => list.map((c) => ({ value: c, label: word(t, 'category', c) }))
  return (
    <form className="card office-rule-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId} data-testid="rule-form">
      <h3 id={headingId} ref={heading} tabIndex={-1}>{rule ? t('case.rules.editTitle', { n: position }) : t('case.rules.addTitle')}</h3>
      <TextField form={form} name="name" label={t('case.rules.name')} hint={t('case.rules.nameHint')} autoComplete="off" />
      <CheckGroup
        form={form}
        name="categories"
        legend={t('case.rules.categories')}
        hint={t('case.rules.categoriesHint')}
        sections={[
          { title: t('case.kind.complaint'), options: categories(ComplaintCategory.options) },
          { title: t('case.kind.help_request'), options: categories(HelpCategory.options) },
        ]}
      />
      <CheckGroup form={form} name="placeKinds" legend={t('case.rules.placeKinds')} hint={t('case.rules.placeKindsHint')} sections={[{ options: JourneyPlaceKind.options.map((p) => ({ value: p, label: word(t, 'placeKind', p) })) }]} />
      <RadioTiles form={form} name="accusedMode" look="tiles" legend={t('case.rules.accused')} options={ACCUSED_MODES.map((m) => ({ value: m, label: t(`case.rules.accusedMode.${m}`) }))} />
      {mode === 'agencies' ? <CheckGroup form={form} name="agencies" legend={t('case.rules.accusedAgencies')} sections={[{ options: bodies.agencies }]} /> : null}
      <CheckGroup
        form={form}
        name="to"
        legend={t('case.rules.to')}
        hint={t('case.rules.toHint', { max: MAX_BODIES })}
        sections={[
          { options: [{ value: ACCUSED_INTERNAL_CONTROL, label: t('case.rules.accusedInternalControl') }, ...bodies.other] },
          { title: t('case.rules.toAgencies'), options: bodies.agencies },
          { title: t('case.rules.toInternalControl'), options: bodies.internalControl },
        ]}
      />
      <FormActions submit={rule ? t('case.rules.keepRule') : t('case.rules.addToList')} busy={false} onCancel={onCancel} />
    </form>
  )
}

/** The bodies a rule may name, by kind. */
export interface BodyChoices {
  agencies: readonly Choice[]
  internalControl: readonly Choice[]
  other: readonly Choice[]
}

interface CheckGroupProps<T extends FieldValues> {
  form: UseFormReturn<T, unknown, unknown>
  name: Path<T>
  legend: string
  hint?: string
  /** The boxes, in parts under a title of their own when the list is long. */
  sections: readonly { title?: string; options: readonly Choice[] }[]
}

/** Boxes to tick for a list, under a legend, with the list's error. */
function CheckGroup<T extends FieldValues>({ form, name, legend, hint, sections }: CheckGroupProps<T>) {
  const id = useId()
  const error = useListError(form, name)
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className="office-checks" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {sections.map((section, i) => (
        <CheckList key={section.title ?? i} form={form} name={name} title={section.title} options={section.options} />
      ))}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

/** The boxes themselves, in as many columns as fit, under a title when a legend holds several lists. */
function CheckList<T extends FieldValues>({ form, name, title, options }: { form: UseFormReturn<T, unknown, unknown>; name: Path<T>; title?: string; options: readonly Choice[] }) {
  return (
    <>
      {title ? <p className="office-checks-title">{title}</p> : null}
      <div className="check-grid">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" value={o.value} {...form.register(name)} />
            {o.label}
          </label>
        ))}
      </div>
    </>
  )
}

/** A list's mistake in words: too many ticked, or none when one is needed. */
function useListError<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, name: Path<T>): string | undefined {
  const { t } = useI18n()
  const error = form.formState.errors[name] as FieldError | undefined
  if (error === undefined) {
    return undefined
  }
  const key = `form.error.${error.message ?? ''}`
  return isMessageKey(key) ? t(key) : t('form.error.choose')
}
