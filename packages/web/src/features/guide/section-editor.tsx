import { useBlocker } from '@tanstack/react-router'
import { useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Page } from '../../ui/status.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { isOpen } from './edition-page.tsx'
import { focusPageHeading, TextBadge } from './edition-words.tsx'
import { api } from '../../api/client.ts'
import { conflictReason, EDITIONS, editionPath, writeSection } from './guide-api.ts'
import { GuideLink } from './guide-link.tsx'
import { MarkupHelp } from './markup-help.tsx'
import { SectionPreview } from './section-preview.tsx'
import { SectionRecording } from './section-recording.tsx'
import { TEXT_STATUSES, type Edition, type TextStatus } from './types.ts'
import { isSiteLang, langName, sectionTitle } from './words.ts'
import { sentBack } from './changes.ts'

type Outcome = { kind: 'saved'; sentBack: string[]; recordingDropped: boolean } | { kind: 'changed'; now: string } | { kind: 'published' } | { kind: 'failed'; error: unknown }

/**
 * A section in one language: its text to write in the site's small markup, with its state, and
 * beside it the page as the public will see it on a phone or on paper. The text is saved with
 * the one the editor started from, so a change someone made meanwhile is not overwritten: it is
 * shown, to load and write over again.
 */
export function SectionEditor({ edition, slug, lang: code, reload }: { edition: Edition; slug: string; lang: string; reload: () => Promise<void> }) {
  const { t, lang } = useI18n()
  const { can } = useSession()
  const invalidate = useInvalidate()
  const ids = { text: useId(), keep: useId() }
  const outcomeRef = useRef<HTMLDivElement>(null)
  const section = edition.sections.find((s) => s.slug === slug)
  const found = section?.texts[code]
  const [base, setBase] = useState(found?.markdown ?? '')
  const [text, setText] = useState(found?.markdown ?? '')
  const [status, setStatus] = useState<TextStatus>(found?.status === 'needs_translation' && code === 'es' ? 'draft' : (found?.status ?? 'draft'))
  const [keep, setKeep] = useState(false)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined)
  useEffect(focusPageHeading, [])
  useEffect(() => {
    if (outcome !== undefined) {
      outcomeRef.current?.focus()
    }
  }, [outcome])
  const dirty = can('guide_edition.update') && isOpen(edition) && text !== base
  // Leaving with a text not saved (the back link, the menu, closing the tab) asks first.
  useBlocker({ shouldBlockFn: () => !window.confirm(t('guide.editor.leave')), disabled: !dirty, enableBeforeUnload: () => dirty })
  const name = t(`guide.season.${edition.season}`, { year: edition.year })
  const back = { edition: edition.recordId }
  if (section === undefined) {
    return (
      <Page title={name}>
        <p className="guide-back">
          <GuideLink to={back}>{t('guide.back.edition', { name })}</GuideLink>
        </p>
        <p className="notice notice-error">{t('guide.section.gone')}</p>
      </Page>
    )
  }
  const title = sectionTitle(section) ?? t('guide.section.untitled', { n: edition.sections.indexOf(section) + 1 })
  const language = langName(code, lang)
  const editable = can('guide_edition.update') && isOpen(edition)
  const statuses = code === 'es' ? TEXT_STATUSES.filter((s) => s !== 'needs_translation') : TEXT_STATUSES
  const save = async () => {
    setBusy(true)
    setOutcome(undefined)
    try {
      const after = await writeSection(edition.recordId, slug, code, { markdown: text, status, base, ...(code === 'es' && keep ? { keepTranslations: true } : {}) })
      setBase(text)
      await invalidate(EDITIONS)
      setOutcome({ kind: 'saved', sentBack: sentBack(edition, after, slug).map((l) => langName(l, lang)), recordingDropped: found?.audioId !== undefined && after.sections.find((s) => s.slug === slug)?.texts[code]?.audioId === undefined })
    } catch (error) {
      const reason = conflictReason(error)
      if (reason === 'text_changed') {
        const now = await api<Edition>(editionPath(edition.recordId)).catch(() => undefined)
        await reload()
        setOutcome({ kind: 'changed', now: now?.sections.find((s) => s.slug === slug)?.texts[code]?.markdown ?? '' })
      } else if (reason === 'edition_published') {
        await reload()
        setOutcome({ kind: 'published' })
      } else {
        setOutcome({ kind: 'failed', error })
      }
    } finally {
      setBusy(false)
    }
  }
  const loadCurrent = (now: string) => {
    setBase(now)
    setText(now)
    setOutcome(undefined)
    document.getElementById(ids.text)?.focus()
  }
  const spanish = section.texts.es
  return (
    <Page title={t('guide.editor.title', { title, lang: language })} testId="section-editor">
      <p className="guide-back">
        <GuideLink to={back}>
          <span aria-hidden="true">← </span>
          {t('guide.back.edition', { name })}
        </GuideLink>
      </p>
      {!editable ? (
        <p className="notice" data-testid="edition-read-only">
          {t(can('guide_edition.update') ? `guide.readOnly.${edition.status === 'archived' ? 'archived' : 'published'}` : 'guide.readOnly.reader')}
        </p>
      ) : null}
      <div className="guide-editor-grid">
        <div className="guide-editor-main">
          <div ref={outcomeRef} tabIndex={-1} className="guide-outcome">
            {outcome?.kind === 'saved' ? (
              <div className="notice notice-ok" role="status" data-testid="section-saved">
                <p>{t(isSiteLang(code) ? 'guide.editor.saved' : 'guide.editor.savedNoPreview')}</p>
                {outcome.sentBack.length > 0 ? <p>{t('guide.editor.sentBack', { count: outcome.sentBack.length, langs: outcome.sentBack.join(', ') })}</p> : null}
                {outcome.recordingDropped ? <p>{t('guide.editor.recordingDropped')}</p> : null}
              </div>
            ) : null}
            {outcome?.kind === 'changed' ? (
              <div className="notice notice-warning" role="alert" data-testid="section-conflict">
                <p>{t('guide.editor.changedMeanwhile')}</p>
                <pre className="guide-current">{outcome.now}</pre>
                <div className="actions">
                  <button type="button" className="button button-secondary" onClick={() => loadCurrent(outcome.now)} data-testid="section-load-current">
                    {t('guide.editor.loadCurrent')}
                  </button>
                </div>
              </div>
            ) : null}
            {outcome?.kind === 'published' ? (
              <p className="notice notice-error" role="alert">
                {t('guide.editor.published')}
              </p>
            ) : null}
            {outcome?.kind === 'failed' ? <ErrorNotice error={outcome.error} /> : null}
          </div>
          {editable ? (
            <form
              className="form"
              data-testid="section-form"
              onSubmit={(e) => {
                e.preventDefault()
                void save()
              }}
            >
              {found === undefined && !edition.langs.includes(code) ? (
                <p className="notice" data-testid="section-new-lang">
                  {t('guide.editor.newLang', { lang: language })}
                </p>
              ) : (
                <p>
                  {t('guide.editor.now')} <TextBadge status={found?.status ?? 'needs_translation'} />
                </p>
              )}
              <div className="field">
                <label htmlFor={ids.text}>{t('guide.editor.text', { lang: language })}</label>
                <textarea id={ids.text} className="guide-textarea" lang={code} rows={16} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${ids.text}-help`} spellCheck />
              </div>
              <MarkupHelp id={`${ids.text}-help`} />
              <fieldset className="field guide-statuses">
                <legend>{t('guide.editor.status')}</legend>
                {statuses.map((s) => (
                  <label key={s} className="check">
                    <input type="radio" name={`${ids.text}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} />
                    <span>{t(`guide.text.${s}`)}</span>
                  </label>
                ))}
              </fieldset>
              {code === 'es' ? (
                <div className="field guide-keep">
                  <label className="check" htmlFor={ids.keep}>
                    <input id={ids.keep} type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} aria-describedby={`${ids.keep}-hint`} />
                    <span>{t('guide.editor.keep')}</span>
                  </label>
                  <p className="field-hint" id={`${ids.keep}-hint`}>
                    {t('guide.editor.keepHint')}
                  </p>
                </div>
              ) : null}
              <div className="actions">
                <button type="submit" className="button button-primary" disabled={busy} data-testid="section-save">
                  {t('guide.editor.save')}
                </button>
              </div>
              {dirty ? (
                <p className="muted small" data-testid="section-unsaved">
                  {t('guide.editor.unsaved')}
                </p>
              ) : null}
            </form>
          ) : (
            <section aria-labelledby="section-text">
              <h2 id="section-text">{t('guide.editor.text', { lang: language })}</h2>
              <p>
                <TextBadge status={found?.status ?? 'needs_translation'} />
              </p>
              {found === undefined ? <p className="muted">{t('guide.editor.notWritten')}</p> : <pre className="guide-current" lang={code}>{found.markdown}</pre>}
            </section>
          )}
          {code !== 'es' && spanish !== undefined ? (
            <details className="guide-source">
              <summary>{t('guide.editor.spanish')}</summary>
              <pre className="guide-current" lang="es">
                {spanish.markdown}
              </pre>
            </details>
          ) : null}
          {found !== undefined ? <SectionRecording edition={edition} slug={slug} lang={code} text={found} editable={editable} title={title} language={language} /> : null}
        </div>
        <SectionPreview edition={edition} slug={slug} lang={code} title={title} language={language} />
      </div>
    </Page>
  )
}
