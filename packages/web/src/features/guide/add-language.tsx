import { useId, useRef, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { useGuideNav } from './guide-api.ts'
import type { Edition } from './types.ts'
import { langCode, langName, OFFERED_LANGS, sectionTitle } from './words.ts'

const OTHER = 'other'

/**
 * A language the edition has no text in yet: one of the languages people in transit speak, by
 * name, or any other by its ISO 639 code; and the section to write first in it, opened in the
 * section editor with an empty text. The language joins the edition when that text is saved.
 */
export function AddLanguage({ edition }: { edition: Edition }) {
  const { t, lang } = useI18n()
  const go = useGuideNav()
  const ids = { lang: useId(), code: useId(), section: useId() }
  const heading = useRef<HTMLHeadingElement>(null)
  const offered = OFFERED_LANGS.filter((code) => !edition.langs.includes(code))
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState<string>(offered[0] ?? OTHER)
  const [typed, setTyped] = useState('')
  const [section, setSection] = useState(edition.sections[0]?.slug ?? '')
  const [problem, setProblem] = useState<'code' | 'taken' | undefined>(undefined)
  if (!open) {
    return (
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          data-testid="lang-add-start"
          onClick={() => {
            setOpen(true)
            requestAnimationFrame(() => heading.current?.focus())
          }}
        >
          {t('guide.lang.add')}
        </button>
      </div>
    )
  }
  const code = choice === OTHER ? langCode(typed) : choice
  const submit = () => {
    if (code === undefined) {
      setProblem('code')
      document.getElementById(ids.code)?.focus()
      return
    }
    if (edition.langs.includes(code)) {
      setProblem('taken')
      document.getElementById(ids.code)?.focus()
      return
    }
    go({ edition: edition.recordId, section, lang: code })
  }
  return (
    <form
      className="card form guide-add"
      aria-labelledby={`${ids.lang}-title`}
      data-testid="lang-add-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <h3 id={`${ids.lang}-title`} ref={heading} tabIndex={-1}>
        {t('guide.lang.title')}
      </h3>
      <p className="muted small">{t('guide.lang.hint')}</p>
      <div className="field">
        <label htmlFor={ids.lang}>{t('guide.lang.choose')}</label>
        <select
          id={ids.lang}
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value)
            setProblem(undefined)
          }}
        >
          {offered.map((c) => (
            <option key={c} value={c}>
              {langName(c, lang)}
            </option>
          ))}
          <option value={OTHER}>{t('guide.lang.other')}</option>
        </select>
      </div>
      {choice === OTHER ? (
        <div className="field">
          <label htmlFor={ids.code}>{t('guide.lang.code')}</label>
          <input
            id={ids.code}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value)
              setProblem(undefined)
            }}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            maxLength={8}
            className="guide-lang-code"
            aria-describedby={`${ids.code}-hint${problem === undefined ? '' : ` ${ids.code}-error`}`}
            aria-invalid={problem === undefined ? undefined : true}
          />
          <p className="field-hint" id={`${ids.code}-hint`}>
            {code !== undefined && problem === undefined ? t('guide.lang.codeIs', { lang: langName(code, lang) }) : t('guide.lang.codeHint')}
          </p>
          {problem !== undefined ? (
            <p className="field-error" id={`${ids.code}-error`} role="alert" data-testid="lang-add-error">
              {problem === 'code' ? t('guide.lang.codeWrong') : t('guide.lang.codeTaken', { lang: langName(code ?? '', lang) })}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={ids.section}>{t('guide.lang.section')}</label>
        <select id={ids.section} value={section} onChange={(e) => setSection(e.target.value)}>
          {edition.sections.map((s, i) => (
            <option key={s.slug} value={s.slug}>
              {sectionTitle(s) ?? t('guide.section.untitled', { n: i + 1 })}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" data-testid="lang-add-submit">
          {t('guide.lang.submit')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setOpen(false)
            requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="lang-add-start"]')?.focus())
          }}
        >
          {t('guide.cancel')}
        </button>
      </div>
    </form>
  )
}
