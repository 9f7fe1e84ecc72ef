import type { LocationRequestIntake } from '@faro/core'
import { useEffect, useId, useRef } from 'react'
import { useWatch, type FieldError, type UseFormReturn } from 'react-hook-form'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { DateField } from '../../ui/choice-fields.tsx'
import type { Choice } from '../../ui/choices.ts'
import { SelectField, TextField } from '../../ui/form.tsx'
import { BUILDS, CONTACT_MEANS, MORE_FIELDS, SEXES, type RequestValues, type SoughtField } from './request-values.ts'

type RequestFormApi = UseFormReturn<RequestValues, unknown, LocationRequestIntake>

interface SoughtCardProps {
  form: RequestFormApi
  index: number
  countries: readonly Choice[]
  today: string
  /** Absent for the only person: a request seeks at least one. */
  onRemove?: () => void
}

/**
 * One sought person: what lets a rescuer or a shelter recognise them first (names as the family
 * says them, a nickname, sex, age, nationality, the last news), the rest under "more details".
 */
export function SoughtCard({ form, index, countries, today, onRemove }: SoughtCardProps) {
  const { t } = useI18n()
  const id = useId()
  const more = useRef<HTMLDetailsElement>(null)
  const at = (field: SoughtField) => `sought.${index}.${field}` as const
  const errors = form.formState.errors.sought?.[index]
  const whole = personError(t, errors)
  const wrongInMore = MORE_FIELDS.some((f) => errors?.[f] !== undefined)
  const number = index + 1
  // The person's values as one text: a new one only when something of them changes.
  const person = useWatch({ control: form.control, name: `sought.${index}`, compute: (values) => JSON.stringify(values) })
  const { trigger } = form

  // A mistake under "more details" is not hidden: the details open on it.
  useEffect(() => {
    if (wrongInMore && more.current) {
      more.current.open = true
    }
  }, [wrongInMore])

  // Whether anything names the person is checked on the whole person, which no field re-checks
  // as it changes: once said to be missing, it is checked again as the card is filled in.
  useEffect(() => {
    if (whole !== undefined) {
      void trigger(`sought.${index}`)
    }
  }, [person, whole, index, trigger])

  return (
    <fieldset className="card sought-card" aria-describedby={whole ? `${id}-error` : undefined} data-testid="sought-person">
      <legend className="sought-legend">{t('trace.person', { number })}</legend>
      {onRemove ? (
        <button type="button" className="button button-secondary sought-remove" aria-label={t('trace.request.remove', { number })} onClick={onRemove}>
          {t('trace.request.removeShort')}
        </button>
      ) : null}
      {whole ? (
        <p className="field-error sought-error" id={`${id}-error`} role="alert">
          {whole}
        </p>
      ) : null}
      <TextField form={form} name={at('givenNames')} label={t('case.intake.givenNames')} hint={t('trace.person.namesHint')} autoComplete="off" />
      <div className="field-pair">
        <TextField form={form} name={at('firstSurname')} label={t('case.intake.firstSurname')} autoComplete="off" />
        <TextField form={form} name={at('secondSurname')} label={t('case.intake.secondSurname')} autoComplete="off" />
      </div>
      <TextField form={form} name={at('aliases')} label={t('trace.person.aliases')} hint={t('trace.person.aliasesHint')} autoComplete="off" />
      <div className="field-pair">
        <SelectField form={form} name={at('sex')} label={t('trace.person.sex')} options={SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) }))} placeholder={t('sex.unknown')} />
        <SelectField form={form} name={at('nationality')} label={t('case.intake.nationality')} options={countries} placeholder={t('case.intake.notSaid')} />
      </div>
      <div className="field-pair">
        <TextField form={form} name={at('approximateAge')} label={t('trace.person.age')} inputMode="numeric" autoComplete="off" />
        <DateField form={form} name={at('birthDate')} label={t('trace.person.birthDate')} max={today} />
      </div>
      <fieldset className="sought-group">
        <legend>{t('trace.person.lastContact')}</legend>
        <div className="field-pair">
          <DateField form={form} name={at('lastContactDate')} label={t('trace.person.lastContactDate')} max={today} />
          <SelectField form={form} name={at('lastContactMeans')} label={t('trace.person.lastContactMeans')} options={CONTACT_MEANS.map((m) => ({ value: m, label: t(`trace.means.${m}`) }))} placeholder={t('case.intake.notSaid')} />
        </div>
        <div className="field-pair">
          <TextField form={form} name={at('lastContactPlace')} label={t('trace.person.lastContactPlace')} hint={t('trace.person.lastContactPlaceHint')} autoComplete="off" />
          <TextField form={form} name={at('lastContactState')} label={t('trace.person.lastContactState')} autoComplete="off" />
        </div>
      </fieldset>
      <details className="sought-more" ref={more} data-testid="sought-more">
        <summary>
          {t('trace.request.more')} <span className="sought-more-hint">({t('trace.request.moreHint')})</span>
        </summary>
        <fieldset className="sought-group">
          <legend>{t('trace.person.looks')}</legend>
          <div className="field-pair">
            <TextField form={form} name={at('heightCm')} label={t('trace.person.heightCm')} hint={t('trace.person.heightHint')} inputMode="decimal" autoComplete="off" />
            <SelectField form={form} name={at('build')} label={t('trace.person.build')} options={BUILDS.map((b) => ({ value: b, label: t(`trace.build.${b}`) }))} placeholder={t('case.intake.notSaid')} />
          </div>
          <div className="field-pair">
            <TextField form={form} name={at('hair')} label={t('trace.person.hair')} autoComplete="off" />
            <TextField form={form} name={at('eyes')} label={t('trace.person.eyes')} autoComplete="off" />
          </div>
          <TextField form={form} name={at('marks')} label={t('trace.person.marks')} hint={t('trace.person.marksHint')} multiline />
          <div className="field-pair">
            <TextField form={form} name={at('dental')} label={t('trace.person.dental')} hint={t('trace.person.dentalHint')} autoComplete="off" />
            <TextField form={form} name={at('disabilities')} label={t('trace.person.disabilities')} autoComplete="off" />
          </div>
          <TextField form={form} name={at('clothing')} label={t('trace.person.clothing')} multiline />
        </fieldset>
        <fieldset className="sought-group">
          <legend>{t('trace.person.origin')}</legend>
          <SelectField form={form} name={at('originCountry')} label={t('trace.person.originCountry')} options={countries} placeholder={t('case.intake.notSaid')} />
          <div className="field-pair">
            <TextField form={form} name={at('originRegion')} label={t('trace.person.originRegion')} autoComplete="off" />
            <TextField form={form} name={at('originTown')} label={t('trace.person.originTown')} autoComplete="off" />
          </div>
        </fieldset>
        <TextField form={form} name={at('route')} label={t('trace.person.route')} hint={t('trace.person.routeHint')} multiline />
        <SelectField form={form} name={at('lastContactCountry')} label={t('trace.person.lastContactCountry')} options={countries} placeholder={t('case.intake.notSaid')} />
        <TextField form={form} name={at('companions')} label={t('trace.person.companions')} hint={t('trace.person.companionsHint')} multiline />
      </details>
    </fieldset>
  )
}

/** The mistake of the person as a whole (nothing names them), in words; none when there is none. */
function personError(t: ReturnType<typeof useI18n>['t'], error: Pick<Partial<FieldError>, 'type' | 'message'> | undefined): string | undefined {
  if (error?.message === undefined || error.message === '') {
    return undefined
  }
  if (error.type === 'server') {
    return error.message
  }
  const key = `form.error.${error.message}`
  return isMessageKey(key) ? t(key) : t('form.error.invalid')
}
