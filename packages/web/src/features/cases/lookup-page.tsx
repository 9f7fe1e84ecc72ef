import { normalizeFolio } from '@faro/core'
import { useState } from 'react'
import { z } from 'zod'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { FormActions, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { useGo } from '../../ui/router.tsx'
import { ErrorNotice, Page } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { word } from './case-words.ts'
import type { CaseList, PublicCaseView } from './types.ts'
import './cases.css'

// A folio read forgivingly (case, spaces, hyphens, O for 0) and refused when its check fails.
const FolioText = z.string().refine((text) => normalizeFolio(text) !== undefined, { message: 'folio' }).transform((text) => normalizeFolio(text) ?? text)
const PublicLookup = z.object({ folio: FolioText, pin: z.string().trim().regex(/^\d{6}$/, { message: 'pin' }) })
const FindCase = z.object({ folio: FolioText })

/**
 * A folio asked about on the phone: with the PIN, what the person who filed the case may know;
 * for staff who may read the case, a search that opens it.
 */
export function LookupPage() {
  const { t } = useI18n()
  const { can } = useSession()
  return (
    <Page title={t('case.lookup.title')} intro={t('case.lookup.intro')} testId="lookup-page">
      <PublicLookupCard />
      {can('case.read') ? <FindCaseCard /> : null}
    </Page>
  )
}

function PublicLookupCard() {
  const { t, dateTime } = useI18n()
  const form = useSchemaForm(PublicLookup, { folio: '', pin: '' })
  const [found, setFound] = useState<PublicCaseView | undefined>(undefined)
  const [failure, setFailure] = useState<unknown>(undefined)
  const submit = form.handleSubmit(async (lookup) => {
    setFailure(undefined)
    setFound(undefined)
    try {
      setFound(await api<PublicCaseView>('/api/cases/lookup', { method: 'POST', body: lookup }))
    } catch (error) {
      setFailure(showServerErrors(form, error, ['folio', 'pin']))
    }
  })
  return (
    <section className="card" aria-labelledby="lookup-public-title">
      <h2 id="lookup-public-title">{t('case.lookup.publicTitle')}</h2>
      <p className="muted">{t('case.lookup.publicIntro')}</p>
      <form className="lookup-form" onSubmit={(e) => void submit(e)} noValidate data-testid="lookup-form">
        <div className="field-pair">
          <TextField form={form} name="folio" label={t('case.folio')} autoComplete="off" hint={t('case.lookup.folioHint')} />
          <TextField form={form} name="pin" label={t('case.pin')} autoComplete="off" inputMode="numeric" />
        </div>
        {failure ? <ErrorNotice error={failure} /> : null}
        <FormActions submit={t('case.lookup.submit')} busy={form.formState.isSubmitting} />
      </form>
      {found ? (
        <div className="lookup-result" role="status" data-testid="lookup-result">
          <p className="case-folio-big">{found.folio}</p>
          <p className="lookup-status" data-testid="lookup-status">
            {word(t, 'publicStatus', found.status)}
          </p>
          <dl className="facts">
            <div>
              <dt>{t('case.lookup.what')}</dt>
              <dd>{`${word(t, 'category', found.category)} · ${word(t, 'kind', found.kind)}`}</dd>
            </div>
            <div>
              <dt>{t('case.page.received')}</dt>
              <dd>{dateTime(found.receivedAt)}</dd>
            </div>
            <div>
              <dt>{t('case.lookup.lastActivity')}</dt>
              <dd>{dateTime(found.lastActivityAt)}</dd>
            </div>
            {found.outcome ? (
              <div>
                <dt>{t('case.step.field.outcome')}</dt>
                <dd>{word(t, 'outcome', found.outcome)}</dd>
              </div>
            ) : null}
            {found.mayReopenUntil ? (
              <div>
                <dt>{t('case.lookup.reopen')}</dt>
                <dd>{t('case.lookup.reopenUntil', { when: dateTime(found.mayReopenUntil) })}</dd>
              </div>
            ) : null}
          </dl>
          <p className="muted">{t(`case.lookup.tell.${found.status}`)}</p>
        </div>
      ) : null}
    </section>
  )
}

function FindCaseCard() {
  const { t } = useI18n()
  const go = useGo()
  const form = useSchemaForm(FindCase, { folio: '' })
  const [missing, setMissing] = useState(false)
  const [failure, setFailure] = useState<unknown>(undefined)
  const submit = form.handleSubmit(async ({ folio }) => {
    setFailure(undefined)
    setMissing(false)
    try {
      const recordId = await findByFolio(folio)
      if (recordId === undefined) {
        setMissing(true)
        return
      }
      go(`cases/${encodeURIComponent(recordId)}`)
    } catch (error) {
      setFailure(error)
    }
  })
  return (
    <section className="card" aria-labelledby="lookup-find-title">
      <h2 id="lookup-find-title">{t('case.lookup.findTitle')}</h2>
      <p className="muted">{t('case.lookup.findIntro')}</p>
      <form className="lookup-form" onSubmit={(e) => void submit(e)} noValidate data-testid="find-form">
        <TextField form={form} name="folio" label={t('case.folio')} autoComplete="off" />
        {missing ? (
          <p className="notice notice-warning" role="status">
            {t('case.lookup.notFound')}
          </p>
        ) : null}
        {failure ? <ErrorNotice error={failure} /> : null}
        <FormActions submit={t('case.lookup.open')} busy={form.formState.isSubmitting} />
      </form>
    </section>
  )
}

/** The case with this folio, if the account may read it: the server answers none for one out of its reach. */
async function findByFolio(folio: string): Promise<string | undefined> {
  const list = await api<CaseList>(`/api/cases?folio=${encodeURIComponent(folio)}`)
  return list.items[0]?.recordId
}
