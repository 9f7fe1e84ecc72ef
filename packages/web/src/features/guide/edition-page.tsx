import { useEffect, useRef, type RefObject } from 'react'
import { AddLanguage } from './add-language.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { EditionDiffView } from './edition-diff.tsx'
import { EditionStatusLine, focusPageHeading, TranslationProgress } from './edition-words.tsx'
import { EDITIONS, editionPath, pdfPath } from './guide-api.ts'
import { GuideLink } from './guide-link.tsx'
import { Schedule } from './schedule.tsx'
import { SectionEditor } from './section-editor.tsx'
import { AddSection, SectionCard } from './section-list.tsx'
import { PUBLIC_LANGS, type Edition, type EditionSummary } from './types.ts'
import { isSiteLang, langName } from './words.ts'

/** True when the edition may still change: a draft, or scheduled and not yet at its time. */
export function isOpen(edition: Pick<Edition, 'status'>): boolean {
  return edition.status === 'draft' || edition.status === 'scheduled'
}

/**
 * One edition: where it stands, its publication, its sections in order with each language's
 * state, its PDFs; or one section in a language to write and preview; or what changed in it.
 */
export function EditionPage({ id, section, lang, view }: { id: string; section?: string; lang?: string; view?: 'diff' }) {
  const { t } = useI18n()
  const edition = useFetch<Edition>(editionPath(id))
  const all = useFetch<{ items: EditionSummary[] }>(EDITIONS)
  // The section last opened: back on the list, the focus returns to it.
  const lastOpened = useRef<string | undefined>(undefined)
  if (edition.status === 'loading') {
    return (
      <Page title={t('guide.title')}>
        <Loading />
      </Page>
    )
  }
  if (edition.status === 'error') {
    return (
      <Page title={t('guide.title')}>
        <BackToList />
        <ErrorNotice error={edition.error} onRetry={() => void edition.reload()} />
      </Page>
    )
  }
  const others = all.status === 'ok' ? all.data.items.filter((e) => e.recordId !== id) : []
  if (section !== undefined && lang !== undefined) {
    lastOpened.current = section
    return <SectionEditor edition={edition.data} slug={section} lang={lang} reload={edition.reload} />
  }
  if (view === 'diff') {
    return <EditionDiffView edition={edition.data} others={others} />
  }
  return <Overview edition={edition.data} others={others} lastOpened={lastOpened} />
}

function Overview({ edition, others, lastOpened }: { edition: Edition; others: readonly EditionSummary[]; lastOpened: RefObject<string | undefined> }) {
  const { t, lang } = useI18n()
  const { can } = useSession()
  const writer = can('guide_edition.update')
  const open = writer && isOpen(edition)
  const name = t(`guide.season.${edition.season}`, { year: edition.year })
  const basedOn = others.find((e) => e.recordId === edition.basedOn)
  // Written here, waiting for the site to speak them: no preview, no PDF yet.
  const waiting = edition.langs.filter((code) => !isSiteLang(code))
  useEffect(() => {
    const slug = lastOpened.current
    if (slug !== undefined) {
      lastOpened.current = undefined
      document.getElementById(`section-${slug}`)?.focus()
    } else if (document.activeElement === document.body) {
      // The link followed is gone with the screen it was on: the new screen's heading takes the focus.
      focusPageHeading()
    }
  }, [lastOpened])
  return (
    <Page title={name} testId="edition-page">
      <BackToList />
      <EditionStatusLine edition={edition} />
      {edition.status === 'published' || edition.status === 'archived' ? (
        <p className="notice" data-testid="edition-read-only">
          {t(`guide.readOnly.${edition.status}`)}
        </p>
      ) : null}
      {!writer && isOpen(edition) ? (
        <p className="notice" data-testid="edition-reader">
          {t('guide.readOnly.reader')}
        </p>
      ) : null}
      {basedOn !== undefined || others.length > 0 ? (
        <p>
          {basedOn !== undefined ? <span>{t('guide.basedOn', { name: t(`guide.season.${basedOn.season}`, { year: basedOn.year }) })} </span> : null}
          <GuideLink to={{ edition: edition.recordId, view: 'diff' }} testId="edition-diff-link">
            {t('guide.diff.open')}
          </GuideLink>
        </p>
      ) : null}
      <TranslationProgress edition={edition} />
      {open ? <Schedule edition={edition} /> : null}
      <section aria-labelledby="edition-sections" className="guide-block">
        <h2 id="edition-sections" tabIndex={-1}>{t('guide.sections', { count: edition.sections.length })}</h2>
        <ol className="guide-sections" data-testid="edition-sections">
          {edition.sections.map((s, i) => (
            <SectionCard key={s.slug} edition={edition} section={s} index={i} editable={open} />
          ))}
        </ol>
        {open ? <AddSection edition={edition} /> : null}
        {open ? <AddLanguage edition={edition} /> : null}
      </section>
      <section aria-labelledby="edition-pdf" className="guide-block">
        <h2 id="edition-pdf">{t('guide.pdf')}</h2>
        <p className="muted">{t('guide.pdf.hint')}</p>
        <ul className="guide-pdfs" data-testid="edition-pdfs">
          {PUBLIC_LANGS.map((code) => (
            <li key={code}>
              <span className="guide-pdf-lang">{langName(code, lang)}</span>
              <a href={pdfPath(edition.recordId, code, 'paisano')} hrefLang={code} type="application/pdf">
                {t('guide.pdf.paisano', { lang: langName(code, lang) })}
              </a>
              <a href={pdfPath(edition.recordId, code, 'transit')} hrefLang={code} type="application/pdf">
                {t('guide.pdf.transit', { lang: langName(code, lang) })}
              </a>
            </li>
          ))}
        </ul>
        {waiting.length > 0 ? (
          <p className="muted small" data-testid="edition-langs-waiting">
            {t('guide.pdf.waiting', { count: waiting.length, langs: waiting.map((code) => langName(code, lang)).join(', ') })}
          </p>
        ) : null}
      </section>
    </Page>
  )
}

/** The way back to every edition. */
export function BackToList() {
  const { t } = useI18n()
  return (
    <p className="guide-back">
      <GuideLink to={{}}>
        <span aria-hidden="true">← </span>
        {t('guide.back.list')}
      </GuideLink>
    </p>
  )
}
