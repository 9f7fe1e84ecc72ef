import type { Path } from 'react-hook-form'
import { useFieldArray } from 'react-hook-form'
import { useMemo, useRef, useState } from 'react'
import { api, ApiError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { CheckField, RadioTiles } from '../../ui/choice-fields.tsx'
import { countryChoices } from '../../ui/choices.ts'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice, Page } from '../../ui/status.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { word } from '../cases/case-words.ts'
import { Section } from '../cases/form-parts.tsx'
import { CONTACT_CHANNELS, LANGUAGES, newPin, PICKED_CHANNELS } from '../cases/intake-values.ts'
import type { CaseIntakeResult } from '../cases/types.ts'
import { asksAsConsulate, emptySought, formFieldOf, localDay, MAX_SOUGHT, RELATIONSHIPS, requestDefaults, RequestForm, SOUGHT_FIELDS, TOP_FIELDS, traceChannelFor, type RequestValues } from './request-values.ts'
import { RequestReadBack, type Filed } from './request-read-back.tsx'
import { SoughtCard } from './sought-card.tsx'
import '../cases/cases.css'
import './tracing.css'

/**
 * A location request, filed in a few minutes by a consulate or the call centre: who asks, what
 * happened, and one card per person sought. Then the folio and the PIN. Each new request starts a
 * new form, with its own id and PIN, so a retry after a lost answer is the same request.
 */
export function RequestPage() {
  const { t } = useI18n()
  const [filed, setFiled] = useState<Filed | undefined>(undefined)
  const [round, setRound] = useState(0)
  return (
    <Page title={t('trace.request.title')} intro={filed ? undefined : t('trace.request.intro')} testId="trace-request-page">
      {filed ? (
        <RequestReadBack
          filed={filed}
          onNext={() => {
            setFiled(undefined)
            setRound((r) => r + 1)
          }}
        />
      ) : (
        <RequestFormCard key={round} onFiled={setFiled} />
      )}
    </Page>
  )
}

function RequestFormCard({ onFiled }: { onFiled: (filed: Filed) => void }) {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const invalidate = useInvalidate()
  const fixedChannel = traceChannelFor(me.user.role, me.orgUnit.kind)
  const [ids] = useState(() => ({ id: uuidv7(), pin: newPin() }))
  const form = useSchemaForm(RequestForm, requestDefaults(ids.id, ids.pin, fixedChannel))
  const people = useFieldArray({ control: form.control, name: 'sought' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const addButton = useRef<HTMLButtonElement>(null)
  const countries = useMemo(() => countryChoices(lang), [lang])
  const today = localDay(new Date())
  const relationship = form.watch('relationship')
  const contactChannel = form.watch('contactChannel')
  const consulate = asksAsConsulate(relationship)
  const requester = form.watch(['givenNames', 'firstSurname', 'secondSurname'])
  const givesIdentity = requester.some((v) => v.trim() !== '') || contactChannel === 'phone' || contactChannel === 'email'

  const submit = form.handleSubmit(async (request) => {
    setFailure(undefined)
    try {
      const result = await api<CaseIntakeResult>('/api/tracing/requests', { method: 'POST', body: request })
      await invalidate('/api/cases')
      onFiled({ folio: result.folio, pin: result.pin ?? ids.pin, recordId: result.recordId, sought: request.sought.length })
    } catch (error) {
      setFailure(showServerErrors(form, onFormFields(error), fieldsOf(people.fields.length)))
    }
  })

  return (
    <form className="card intake-form trace-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('trace.request.title')} data-testid="trace-request-form">
      {fixedChannel === undefined ? <SelectField form={form} name="channel" label={t('case.intake.channel')} options={PICKED_CHANNELS.map((c) => ({ value: c, label: word(t, 'channel', c) }))} placeholder={t('staff.field.choose')} /> : null}

      <Section title={t('trace.request.who')} testId="trace-requester">
        {fixedChannel === 'consulate' ? (
          <p className="notice" data-testid="trace-as-consulate">
            {t('trace.request.asConsulate')}
          </p>
        ) : (
          <RadioTiles form={form} name="relationship" look="pills" legend={t('trace.request.relationship')} options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`trace.relationship.${r}`) }))} />
        )}
        {consulate ? null : (
          <>
            <p className="field-hint trace-requester-hint">{t('trace.request.requesterHint')}</p>
            <TextField form={form} name="givenNames" label={t('case.intake.givenNames')} autoComplete="off" />
            <div className="field-pair">
              <TextField form={form} name="firstSurname" label={t('case.intake.firstSurname')} autoComplete="off" />
              <TextField form={form} name="secondSurname" label={t('case.intake.secondSurname')} autoComplete="off" />
            </div>
            <div className="field-pair">
              <SelectField form={form} name="contactChannel" label={t('case.intake.contactChannel')} options={CONTACT_CHANNELS.map((c) => ({ value: c, label: word(t, 'contact', c) }))} />
              <SelectField form={form} name="language" label={t('case.intake.language')} options={LANGUAGES.map((l) => ({ value: l, label: word(t, 'language', l) }))} />
            </div>
            {contactChannel === 'email' ? <TextField form={form} name="email" label={t('case.intake.email')} type="email" inputMode="email" autoComplete="off" /> : null}
            {contactChannel === 'phone' ? <TextField form={form} name="phone" label={t('case.intake.phone')} hint={t('case.intake.phoneHint')} type="tel" inputMode="tel" autoComplete="off" /> : null}
            {givesIdentity ? (
              <fieldset className="intake-consents" data-testid="trace-consents">
                <legend>{t('case.intake.consents')}</legend>
                <p className="field-hint">{t('trace.request.consentsHint')}</p>
                <CheckField form={form} name="consentHandlingBody" label={t('trace.request.consent.handlingBody')} />
                <CheckField form={form} name="consentConsulate" label={t('case.intake.consent.consulate')} />
                <CheckField form={form} name="consentRelatives" label={t('trace.request.consent.relatives')} />
              </fieldset>
            ) : null}
          </>
        )}
      </Section>

      <Section title={t('trace.request.what')}>
        <TextField form={form} name="description" label={t('trace.request.description')} hint={t('trace.request.descriptionHint')} multiline />
      </Section>

      <Section title={t('trace.soughtCount', { count: people.fields.length })} testId="trace-sought">
        {people.fields.map((field, index) => (
          <SoughtCard
            key={field.id}
            form={form}
            index={index}
            countries={countries}
            today={today}
            onRemove={
              people.fields.length > 1
                ? () => {
                    people.remove(index)
                    addButton.current?.focus()
                  }
                : undefined
            }
          />
        ))}
        {people.fields.length < MAX_SOUGHT ? (
          <button type="button" ref={addButton} className="button button-secondary sought-add" onClick={() => people.append(emptySought())} data-testid="sought-add">
            {t('trace.request.add')}
          </button>
        ) : null}
      </Section>

      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={form.formState.isSubmitting ? t('trace.request.sending') : t('trace.request.submit', { count: people.fields.length })} busy={form.formState.isSubmitting} />
    </form>
  )
}

/** Every field the server may name, for as many people as the form has. */
function fieldsOf(people: number): Path<RequestValues>[] {
  const fields: Path<RequestValues>[] = [...TOP_FIELDS]
  for (let index = 0; index < people; index++) {
    fields.push(`sought.${index}`, ...SOUGHT_FIELDS.map((f) => `sought.${index}.${f}` as const))
  }
  return fields
}

// The server names the request's paths (`sought.2.identity.firstSurname`); the form's are flatter.
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem) {
    return error
  }
  return new ApiError(error.status, { ...error.problem, errors: error.problem.errors?.map((e) => ({ ...e, field: formFieldOf(e.field.split('.')) ?? e.field })) })
}
