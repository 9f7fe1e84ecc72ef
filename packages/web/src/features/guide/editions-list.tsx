import { useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch, useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { draftEdition, EDITIONS, useGuideNav } from './guide-api.ts'
import { GuideLink } from './guide-link.tsx'
import { EditionStatusLine, focusPageHeading, TranslationProgress } from './edition-words.tsx'
import { SEASONS, type EditionSummary, type Season } from './types.ts'
import { nextSeason } from './words.ts'

/** Every edition, newest first: its season and year, where it stands, and how far each language is reviewed. */
export function EditionsList() {
  const { t } = useI18n()
  const { can } = useSession()
  const editions = useFetch<{ items: EditionSummary[] }>(EDITIONS)
  const [drafting, setDrafting] = useState(false)
  const writer = can('guide_edition.create')
  useEffect(() => {
    // Back from an edition, the link followed is gone: the list's heading takes the focus.
    if (document.activeElement === document.body) {
      focusPageHeading()
    }
  }, [])
  return (
    <Page title={t('guide.title')} intro={t(writer ? 'guide.intro' : 'guide.introReader')} testId="guide-page">
      {writer && !drafting ? (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => setDrafting(true)} data-testid="guide-new">
            {t('guide.new')}
          </button>
        </div>
      ) : null}
      {drafting ? <NewEdition offer={nextSeason(editions.status === 'ok' ? editions.data.items : [], new Date().getFullYear())} onCancel={() => setDrafting(false)} /> : null}
      {editions.status === 'loading' ? <Loading /> : null}
      {editions.status === 'error' ? <ErrorNotice error={editions.error} onRetry={() => void editions.reload()} /> : null}
      {editions.status === 'ok' ? (
        <section aria-labelledby="guide-editions" className="guide-block">
          <h2 id="guide-editions">{t('guide.editions')}</h2>
          {editions.data.items.length === 0 ? <p className="notice">{t('guide.editions.none')}</p> : null}
          <ul className="guide-editions" data-testid="guide-editions">
            {editions.data.items.map((e) => (
              <EditionCard key={e.recordId} edition={e} />
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  )
}

function EditionCard({ edition }: { edition: EditionSummary }) {
  const { t } = useI18n()
  const name = t(`guide.season.${edition.season}`, { year: edition.year })
  return (
    <li className="card guide-edition" data-testid="guide-edition" data-status={edition.status}>
      <div className="guide-edition-head">
        <h3>
          <GuideLink to={{ edition: edition.recordId }}>{name}</GuideLink>
        </h3>
        <EditionStatusLine edition={edition} />
      </div>
      <p className="muted">{t('guide.sectionCount', { count: edition.sections })}</p>
      <TranslationProgress edition={edition} />
    </li>
  )
}

/** A new edition for a season and year (the operation after the newest offered), copied from the one the site shows now. */
function NewEdition({ offer, onCancel }: { offer: { season: Season; year: number }; onCancel: () => void }) {
  const { t } = useI18n()
  const go = useGuideNav()
  const invalidate = useInvalidate()
  const seasonId = useId()
  const yearId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const [season, setSeason] = useState<Season>(offer.season)
  const [year, setYear] = useState(String(offer.year))
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(undefined)
  const [yearWrong, setYearWrong] = useState(false)
  useEffect(() => heading.current?.focus(), [])
  const submit = async () => {
    const n = Number(year)
    if (!Number.isInteger(n) || n < 2000 || n > 2100) {
      setYearWrong(true)
      return
    }
    setYearWrong(false)
    setBusy(true)
    setFailure(undefined)
    try {
      const edition = await draftEdition({ season, year: n })
      await invalidate(EDITIONS)
      go({ edition: edition.recordId })
    } catch (error) {
      setFailure(error)
      setBusy(false)
    }
  }
  return (
    <form
      className="card form"
      aria-labelledby="guide-new-title"
      data-testid="guide-new-form"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h2 id="guide-new-title" ref={heading} tabIndex={-1}>
        {t('guide.new.title')}
      </h2>
      <p className="muted">{t('guide.new.hint')}</p>
      <div className="form-row">
        <div className="field">
          <label htmlFor={seasonId}>{t('guide.new.season')}</label>
          <select id={seasonId} value={season} onChange={(e) => setSeason(SEASONS.find((s) => s === e.target.value) ?? 'easter')}>
            {SEASONS.map((s) => (
              <option key={s} value={s}>
                {t(`guide.seasonName.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={yearId}>{t('guide.new.year')}</label>
          <input id={yearId} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} aria-invalid={yearWrong ? true : undefined} aria-describedby={yearWrong ? `${yearId}-error` : undefined} />
          {yearWrong ? (
            <p className="field-error" id={`${yearId}-error`} role="alert">
              {t('guide.new.yearWrong')}
            </p>
          ) : null}
        </div>
      </div>
      {failure !== undefined ? <ErrorNotice error={failure} /> : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('guide.new.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('guide.cancel')}
        </button>
      </div>
    </form>
  )
}
