import { LegalBasis, PersonLinkInput, Purpose } from '@faro/core'
import { useEffect, useId, useRef, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import { api, ApiError } from '../../api/client.ts'
import type { RecordPage } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { FormActions, SelectField, showServerErrors, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { recordTypeName, recordWords, type LinkableType } from './record-words.ts'
import './link-record-form.css'

type Values = z.input<typeof PersonLinkInput>
type Form = UseFormReturn<Values, unknown, z.output<typeof PersonLinkInput>>
type Listed = RecordPage<Record<string, unknown>>['items'][number]

const FIELDS = ['recordType', 'recordId', 'legalBasis', 'purpose'] as const
const RECENT = 20

/**
 * Links a person to a record: the type, then one of the latest records of that type shown in
 * words (never an id to type), the purpose and the legal basis, checked by the same core schema
 * as the server's. `onLinked` gets the record in words for the confirmation.
 */
export default function LinkRecordForm({ personId, types, onLinked, onCancel }: { personId: string; types: readonly LinkableType[]; onLinked: (record: string) => Promise<void>; onCancel: () => void }) {
  const { t, dateTime } = useI18n()
  const unitName = useUnitNames()
  const form: Form = useSchemaForm(PersonLinkInput, { recordType: types.length === 1 ? types[0] : '', recordId: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const heading = useRef<HTMLHeadingElement>(null)
  const type = form.watch('recordType')
  const list = useFetch<RecordPage<Record<string, unknown>>>(type ? `/api/records/${encodeURIComponent(type)}?order=occurred&limit=${RECENT}` : null)
  const { resetField } = form

  useEffect(() => heading.current?.focus(), [])
  // Another type lists other records: a record chosen before no longer applies.
  useEffect(() => resetField('recordId', { defaultValue: '' }), [type, resetField])

  // What the list shows of a record: the same words in the choices and in the confirmation.
  const describe = (record: Listed): Described => {
    const words = recordWords(record.recordType, record.state, t)
    return { title: words.title, meta: [words.when ? dateTime(words.when) : '', unitName(record.orgUnitId), words.people ?? ''].filter(Boolean).join(' · ') }
  }

  const submit = form.handleSubmit(async (link) => {
    setFailure(undefined)
    try {
      await api(`/api/people/${encodeURIComponent(personId)}/links`, { method: 'POST', body: link })
      const record = list.status === 'ok' ? list.data.items.find((r) => r.recordId === link.recordId) : undefined
      const described = record ? describe(record) : undefined
      const typeName = recordTypeName(link.recordType, t)
      await onLinked(described ? `${t('people.links.title', { type: typeName, title: described.title })} (${described.meta})` : typeName)
    } catch (error) {
      setFailure(showServerErrors(form, onFormFields(error), FIELDS))
    }
  })

  return (
    <form className="card link-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="link-form-title" data-testid="link-form">
      <h4 id="link-form-title" ref={heading} tabIndex={-1}>
        {t('people.links.open')}
      </h4>
      <p className="muted">{t('people.links.intro')}</p>
      <SelectField form={form} name="recordType" label={t('people.links.type')} options={types.map((v) => ({ value: v, label: recordTypeName(v, t) }))} placeholder={t('staff.field.choose')} />
      {!type ? <p className="muted">{t('people.links.chooseType')}</p> : null}
      {type && list.status === 'loading' ? <Loading /> : null}
      {type && list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {type && list.status === 'ok' ? <RecordChoices form={form} records={list.data.items} describe={describe} /> : null}
      <SelectField form={form} name="purpose" label={t('people.purpose')} options={Purpose.options.map((v) => ({ value: v, label: t(`purpose.${v}`) }))} placeholder={t('staff.field.choose')} />
      <SelectField form={form} name="legalBasis" label={t('consent.basis')} options={LegalBasis.options.map((v) => ({ value: v, label: t(`consent.basis.${v}`) }))} placeholder={t('staff.field.choose')} />
      <p className="field-hint link-form-hint">{t('people.links.basisHint')}</p>
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('people.links.submit')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

interface Described {
  title: string
  meta: string
}

/**
 * The latest records of a type as radio buttons that read like the field activity list: what
 * happened, then when, where and how many people.
 */
function RecordChoices({ form, records, describe }: { form: Form; records: readonly Listed[]; describe: (record: Listed) => Described }) {
  const { t } = useI18n()
  const id = useId()
  const error = form.formState.errors.recordId
  const errorText = error === undefined ? undefined : error.type === 'server' && error.message ? error.message : t('form.error.choose')
  if (records.length === 0) {
    return <p className="muted">{t('people.links.noRecords')}</p>
  }
  return (
    <fieldset className="link-choices" aria-describedby={errorText ? `${id}-hint ${id}-error` : `${id}-hint`}>
      <legend>{t('people.links.record')}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t('people.links.recordHint')}
      </p>
      <ul data-testid="link-record-choices">
        {records.map((record) => {
          const words = describe(record)
          return (
            <li key={record.recordId}>
              <label className="link-choice">
                <input type="radio" value={record.recordId} {...form.register('recordId')} />
                <span>
                  <span className="link-choice-title">{words.title}</span>
                  <span className="link-choice-meta">{words.meta}</span>
                </span>
              </label>
            </li>
          )
        })}
      </ul>
      {errorText ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errorText}
        </p>
      ) : null}
    </fieldset>
  )
}

// The server names the record field `link.recordId` (the same check serves a link made with a
// new person); the form has it at the top.
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem) {
    return error
  }
  return new ApiError(error.status, { ...error.problem, errors: error.problem.errors?.map((e) => ({ ...e, field: e.field.replace(/^link\./, '') })) })
}
