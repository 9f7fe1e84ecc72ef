import { useSearch } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { api, ApiError, NetworkError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { countryChoices } from '../../ui/choices.ts'
import { ErrorNotice, Page } from '../../ui/status.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useBodies, word } from './case-words.ts'
import { CheckField, DateField, RadioTiles } from '../../ui/choice-fields.tsx'
import { Section } from './form-parts.tsx'
import { categoriesOf, channelFor, CONTACT_CHANNELS, formFieldOf, givesIdentity, intakeDefaults, IntakeForm, LANGUAGES, MEXICAN_STATES, newPin, PICKED_CHANNELS, PLACE_KINDS, placeDetail, WHEN, type IntakeField } from './intake-values.ts'
import { ReadBack, type Taken } from './read-back.tsx'
import { announceIntakes, intakeStore, usePendingIntakes } from './use-offline-intakes.ts'
import type { CaseIntakeResult } from './types.ts'
import './cases.css'

/**
 * A complaint or request for help, taken in under two minutes on a tablet: what it is, what
 * happened, where and when, who is accused, and how to reach the person. Then the folio and the
 * PIN to read back to the person. Each new intake starts a new form, with its own id and PIN.
 */
export function IntakePage() {
  const { t } = useI18n()
  const [taken, setTaken] = useState<Taken | undefined>(undefined)
  const [round, setRound] = useState(0)
  const { me } = useSession()
  const waiting = usePendingIntakes(me.user.id)
  return (
    <Page title={t('case.intake.title')} intro={taken ? undefined : t('case.intake.intro')} testId="intake-page">
      {waiting.pending > 0 ? (
        <p className="notice" role="status" data-testid="intake-waiting">
          {t('case.intake.waiting', { count: waiting.pending })}
        </p>
      ) : null}
      {waiting.refused > 0 ? (
        <p className="notice notice-error" role="alert" data-testid="intake-refused">
          {t('case.intake.refused', { count: waiting.refused })}
        </p>
      ) : null}
      {taken ? (
        <ReadBack
          taken={taken}
          onNext={() => {
            setTaken(undefined)
            setRound((r) => r + 1)
          }}
        />
      ) : (
        <IntakeFormCard key={round} onTaken={setTaken} />
      )}
    </Page>
  )
}

const FIELDS: readonly IntakeField[] = ['kind', 'category', 'channel', 'description', 'placeKind', 'highway', 'km', 'state', 'city', 'date', 'accusedAgencyId', 'accusedBadge', 'accusedPlate', 'accusedDescription', 'language', 'contactChannel', 'email', 'phone', 'givenNames', 'firstSurname', 'secondSurname', 'nationality']

function IntakeFormCard({ onTaken }: { onTaken: (taken: Taken) => void }) {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const invalidate = useInvalidate()
  const fixedChannel = channelFor(me.user.role, me.orgUnit.kind)
  // Drawn once for this form: a retry after a lost answer is the same intake with the same PIN.
  const [ids] = useState(() => ({ id: uuidv7(), pin: newPin() }))
  const folio = useRef<string | undefined>(undefined)
  const form = useSchemaForm(IntakeForm, intakeDefaults(ids.id, ids.pin, fixedChannel))
  const [failure, setFailure] = useState<unknown>(undefined)
  const { agencies } = useBodies()
  // Filed from an attention that took the complaint: linked to it, so each leads to the other.
  const from = useSearch({ from: '/intake' }).from
  const linkedRecord = from === undefined ? undefined : { recordType: 'attention', recordId: from.slice('attention/'.length) }
  const kind = form.watch('kind')
  const placeKind = form.watch('placeKind')
  const when = form.watch('when')
  const contactChannel = form.watch('contactChannel')
  const giveName = form.watch('giveName')
  const detail = placeDetail(placeKind)
  const categories = categoriesOf(kind)
  const { getValues, setValue } = form

  // Another kind has other categories: one chosen before no longer applies.
  useEffect(() => {
    if (!categoriesOf(kind).includes(getValues('category'))) {
      setValue('category', '')
    }
  }, [kind, getValues, setValue])

  const submit = form.handleSubmit(async (intake) => {
    setFailure(undefined)
    const store = intakeStore()
    // A folio reserved on this device, taken once for this form: sent now, it is the case's; if
    // the connection fails, the intake waits here with it, and the person leaves with it all the same.
    folio.current ??= await store.takeFolio(me.user.id).catch(() => undefined)
    const body = { ...intake, ...(linkedRecord ? { linkedRecord } : {}), ...(folio.current ? { folio: folio.current } : {}) }
    try {
      const result = await api<CaseIntakeResult>('/api/cases', { method: 'POST', body })
      await invalidate('/api/cases')
      onTaken({ folio: result.folio, pin: result.pin ?? ids.pin, recordId: result.recordId, kind: intake.kind })
    } catch (error) {
      if (error instanceof NetworkError && folio.current !== undefined) {
        await store.queue(me.user.id, { ...body, id: intake.id, folio: folio.current, takenAt: new Date().toISOString() })
        announceIntakes()
        onTaken({ folio: folio.current, pin: ids.pin, recordId: intake.id, kind: intake.kind, offline: true })
        return
      }
      setFailure(error instanceof NetworkError ? new Error(t('case.intake.offlineNoFolio')) : showServerErrors(form, onFormFields(error), FIELDS))
    }
  })

  const submitLabel = kind === 'complaint' ? t('case.intake.submitComplaint') : kind === 'help_request' ? t('case.intake.submitHelp') : t('case.intake.submit')
  return (
    <form className="card intake-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('case.intake.title')} data-testid="intake-form">
      {linkedRecord ? (
        <p className="notice" data-testid="intake-linked">
          {t('case.intake.fromAttention')}
        </p>
      ) : null}
      <RadioTiles
        form={form}
        name="kind"
        look="big"
        legend={t('case.intake.kind')}
        options={(['complaint', 'help_request'] as const).map((k) => ({ value: k, label: word(t, 'kind', k), hint: t(`case.intake.kindHint.${k}`) }))}
      />
      {categories.length > 0 ? (
        <RadioTiles form={form} name="category" look="tiles" legend={t('case.intake.category')} options={categories.map((c) => ({ value: c, label: word(t, 'category', c) }))} />
      ) : (
        <p className="muted intake-wait">{t('case.intake.chooseKindFirst')}</p>
      )}
      {fixedChannel === undefined ? <SelectField form={form} name="channel" label={t('case.intake.channel')} options={PICKED_CHANNELS.map((c) => ({ value: c, label: word(t, 'channel', c) }))} placeholder={t('staff.field.choose')} /> : null}
      <TextField form={form} name="description" label={t('case.intake.description')} hint={t('case.intake.descriptionHint')} multiline />

      <Section title={t('case.intake.where')}>
        <SelectField form={form} name="placeKind" label={t('case.intake.placeKind')} options={PLACE_KINDS.map((p) => ({ value: p, label: word(t, 'placeKind', p) }))} placeholder={t('staff.field.choose')} />
        {detail === 'road' ? (
          <div className="field-pair">
            <TextField form={form} name="highway" label={t('case.intake.highway')} hint={t('case.intake.highwayHint')} autoComplete="off" />
            <TextField form={form} name="km" label={t('case.intake.km')} inputMode="decimal" autoComplete="off" />
          </div>
        ) : null}
        {detail !== 'none' ? (
          <div className="field-pair">
            <SelectField form={form} name="state" label={t('case.intake.state')} options={MEXICAN_STATES.map((s) => ({ value: s, label: s }))} placeholder={t('case.intake.notSaid')} />
            {detail === 'town' ? <TextField form={form} name="city" label={t('case.intake.city')} autoComplete="off" /> : null}
          </div>
        ) : null}
      </Section>

      <Section title={t('case.intake.when')}>
        <RadioTiles form={form} name="when" look="pills" legend={t('case.intake.whenLegend')} options={WHEN.map((w) => ({ value: w, label: t(`case.intake.when.${w}`) }))} />
        {when === 'date' ? <DateField form={form} name="date" label={t('case.intake.date')} max={localDay(new Date())} /> : null}
      </Section>

      {kind === 'complaint' ? (
        <Section title={t('case.intake.accused')} testId="intake-accused">
          <SelectField form={form} name="accusedAgencyId" label={t('case.intake.accusedAgency')} options={agencies} placeholder={t('case.intake.accusedNone')} />
          <div className="field-pair">
            <TextField form={form} name="accusedBadge" label={t('case.intake.badge')} autoComplete="off" />
            <TextField form={form} name="accusedPlate" label={t('case.intake.plate')} autoComplete="off" />
          </div>
          <TextField form={form} name="accusedDescription" label={t('case.intake.accusedDescription')} hint={t('case.intake.accusedDescriptionHint')} multiline />
          <CheckField form={form} name="allowIdentityToAccused" label={t('case.intake.allowIdentity')} hint={t('case.intake.allowIdentityHint')} />
        </Section>
      ) : null}

      <Section title={t('case.intake.contact')} testId="intake-contact">
        <div className="field-pair">
          <SelectField form={form} name="contactChannel" label={t('case.intake.contactChannel')} options={CONTACT_CHANNELS.map((c) => ({ value: c, label: word(t, 'contact', c) }))} />
          <SelectField form={form} name="language" label={t('case.intake.language')} options={LANGUAGES.map((l) => ({ value: l, label: word(t, 'language', l) }))} />
        </div>
        {contactChannel === 'email' ? <TextField form={form} name="email" label={t('case.intake.email')} type="email" inputMode="email" autoComplete="off" /> : null}
        {contactChannel === 'phone' ? <TextField form={form} name="phone" label={t('case.intake.phone')} hint={t('case.intake.phoneHint')} type="tel" inputMode="tel" autoComplete="off" /> : null}
        <CheckField form={form} name="giveName" label={t('case.intake.giveName')} hint={t('case.intake.giveNameHint')} />
        {giveName ? (
          <>
            <TextField form={form} name="givenNames" label={t('case.intake.givenNames')} autoComplete="off" />
            <div className="field-pair">
              <TextField form={form} name="firstSurname" label={t('case.intake.firstSurname')} autoComplete="off" />
              <TextField form={form} name="secondSurname" label={t('case.intake.secondSurname')} autoComplete="off" />
            </div>
            <SelectField form={form} name="nationality" label={t('case.intake.nationality')} options={countryChoices(lang)} placeholder={t('case.intake.notSaid')} />
          </>
        ) : null}
        {givesIdentity({ giveName, contactChannel }) ? (
          <fieldset className="intake-consents" data-testid="intake-consents">
            <legend>{t('case.intake.consents')}</legend>
            <p className="field-hint">{t('case.intake.consentsHint')}</p>
            <CheckField form={form} name="consentHandlingBody" label={t('case.intake.consent.handlingBody')} />
            <CheckField form={form} name="consentConsulate" label={t('case.intake.consent.consulate')} />
            <CheckField form={form} name="consentRelatives" label={t('case.intake.consent.relatives')} />
          </fieldset>
        ) : null}
        <CheckField form={form} name="inTransit" label={t('case.intake.inTransit')} hint={t('case.intake.inTransitHint')} />
      </Section>

      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={form.formState.isSubmitting ? t('case.intake.sending') : submitLabel} busy={form.formState.isSubmitting} />
    </form>
  )
}

/** Today in the device's calendar, as a date input writes it. */
function localDay(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`
}

// The server names the intake's fields (`place.km`, `accused.agencyId`); the form's are flat.
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem) {
    return error
  }
  return new ApiError(error.status, { ...error.problem, errors: error.problem.errors?.map((e) => ({ ...e, field: formFieldOf(e.field.split('.')) ?? e.field })) })
}
