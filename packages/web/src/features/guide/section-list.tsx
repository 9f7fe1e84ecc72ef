import { useId, useRef, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { TextBadge } from './edition-words.tsx'
import { addSection, EDITIONS, removeSection } from './guide-api.ts'
import { GuideLink } from './guide-link.tsx'
import { AUDIENCES, PICTOGRAMS, type Audience, type Edition, type Pictogram, type Section } from './types.ts'
import { langName, sectionTitle, slugFromTitle } from './words.ts'

/**
 * A section of the edition: its title, who it is for, and each language's state with a way to
 * open it (to write it while the edition is open, to read it after). Removing it is asked twice.
 */
export function SectionCard({ edition, section, index, editable }: { edition: Edition; section: Section; index: number; editable: boolean }) {
  const { t, lang } = useI18n()
  const invalidate = useInvalidate()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(undefined)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const title = sectionTitle(section) ?? t('guide.section.untitled', { n: index + 1 })
  const remove = async () => {
    setBusy(true)
    setFailure(undefined)
    try {
      await removeSection(edition.recordId, section.slug)
      await invalidate(EDITIONS)
      document.getElementById('edition-sections')?.focus()
    } catch (error) {
      setFailure(error)
      setBusy(false)
    }
  }
  return (
    <li className="card guide-section" data-testid="edition-section" data-slug={section.slug}>
      <h3 id={`section-${section.slug}`} tabIndex={-1}>
        {title}
      </h3>
      <p className="muted small">
        {t(`guide.audience.${section.audience}`)} · {t('guide.pictogram', { name: t(`guide.pictogram.${section.pictogram}`) })}
      </p>
      <ul className="guide-langs">
        {edition.langs.map((code) => {
          const text = section.texts[code]
          const name = langName(code, lang)
          return (
            <li key={code} className="guide-lang" data-lang={code}>
              <span className="guide-lang-state">
                <span className="guide-lang-name">{name}</span>
                <TextBadge status={text?.status ?? 'needs_translation'} />
              </span>
              <GuideLink to={{ edition: edition.recordId, section: section.slug, lang: code }} className="button button-secondary guide-lang-open" label={t(editable ? 'guide.section.editIn' : 'guide.section.readIn', { title, lang: name })}>
                {t(editable ? 'guide.section.edit' : 'guide.section.read')}
              </GuideLink>
            </li>
          )
        })}
      </ul>
      {editable && edition.sections.length > 1 ? (
        <div className="actions">
          {confirming ? (
            <div className="notice notice-warning guide-confirm" role="alert">
              <p>{t('guide.section.removeAsk', { title })}</p>
              <div className="actions">
                <button type="button" className="button button-danger" ref={confirmRef} disabled={busy} onClick={() => void remove()}>
                  {t('guide.section.removeYes')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                  {t('guide.section.removeNo')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button-ghost" aria-label={t('guide.section.removeLabel', { title })} onClick={() => {
              setConfirming(true)
              requestAnimationFrame(() => confirmRef.current?.focus())
            }}>
              {t('guide.section.remove')}
            </button>
          )}
        </div>
      ) : null}
      {failure !== undefined ? <ErrorNotice error={failure} /> : null}
    </li>
  )
}

/** A new section: its title and text in Spanish (a draft), who it is for, its pictogram, where it goes. */
export function AddSection({ edition }: { edition: Edition }) {
  const { t } = useI18n()
  const invalidate = useInvalidate()
  const ids = { title: useId(), slug: useId(), audience: useId(), pictogram: useId(), after: useId(), text: useId() }
  const [adding, setAdding] = useState(false)
  const [title, setTitle] = useState('')
  const [slug, setSlug] = useState('')
  const [slugTouched, setSlugTouched] = useState(false)
  const [audience, setAudience] = useState<Audience>('paisano')
  const [pictogram, setPictogram] = useState<Pictogram>('help')
  const [after, setAfter] = useState(edition.sections.at(-1)?.slug ?? '')
  const [text, setText] = useState('')
  const [missing, setMissing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(undefined)
  const heading = useRef<HTMLHeadingElement>(null)
  const address = slugTouched ? slug : slugFromTitle(title)
  if (!adding) {
    return (
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          data-testid="section-add-start"
          onClick={() => {
            setAdding(true)
            requestAnimationFrame(() => heading.current?.focus())
          }}
        >
          {t('guide.add.start')}
        </button>
      </div>
    )
  }
  const submit = async () => {
    if (title.trim() === '' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(address)) {
      setMissing(true)
      return
    }
    setMissing(false)
    setBusy(true)
    setFailure(undefined)
    try {
      await addSection(edition.recordId, { slug: address, audience, pictogram, ...(after === '' ? {} : { after }), markdown: `# ${title.trim()}\n\n${text.trim()}\n` })
      await invalidate(EDITIONS)
      setAdding(false)
      setBusy(false)
      requestAnimationFrame(() => document.getElementById(`section-${address}`)?.focus())
    } catch (error) {
      setFailure(error)
      setBusy(false)
    }
  }
  return (
    <form
      className="card form guide-add"
      aria-labelledby="section-add-title"
      data-testid="section-add-form"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h3 id="section-add-title" ref={heading} tabIndex={-1}>
        {t('guide.add.title')}
      </h3>
      <div className="field">
        <label htmlFor={ids.title}>{t('guide.add.heading')}</label>
        <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={missing && title.trim() === '' ? true : undefined} aria-describedby={`${ids.title}-hint`} />
        <p className="field-hint" id={`${ids.title}-hint`}>
          {t('guide.add.headingHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.slug}>{t('guide.add.address')}</label>
        <input
          id={ids.slug}
          value={address}
          onChange={(e) => {
            setSlugTouched(true)
            setSlug(e.target.value)
          }}
          aria-describedby={`${ids.slug}-hint`}
          aria-invalid={missing && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(address) ? true : undefined}
        />
        <p className="field-hint" id={`${ids.slug}-hint`}>
          {t('guide.add.addressHint', { address: `/es/${address || '…'}` })}
        </p>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={ids.audience}>{t('guide.add.audience')}</label>
          <select id={ids.audience} value={audience} onChange={(e) => setAudience(AUDIENCES.find((a) => a === e.target.value) ?? 'paisano')}>
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(`guide.audience.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.pictogram}>{t('guide.add.pictogram')}</label>
          <select id={ids.pictogram} value={pictogram} onChange={(e) => setPictogram(PICTOGRAMS.find((p) => p === e.target.value) ?? 'help')}>
            {PICTOGRAMS.map((p) => (
              <option key={p} value={p}>
                {t(`guide.pictogram.${p}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.after}>{t('guide.add.after')}</label>
        <select id={ids.after} value={after} onChange={(e) => setAfter(e.target.value)}>
          {edition.sections.map((s, i) => (
            <option key={s.slug} value={s.slug}>
              {sectionTitle(s) ?? t('guide.section.untitled', { n: i + 1 })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.text}>{t('guide.add.text')}</label>
        <textarea id={ids.text} rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {missing ? (
        <p className="field-error" role="alert">
          {t('guide.add.missing')}
        </p>
      ) : null}
      {failure !== undefined ? <ErrorNotice error={failure} /> : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('guide.add.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAdding(false)}>
          {t('guide.cancel')}
        </button>
      </div>
    </form>
  )
}
