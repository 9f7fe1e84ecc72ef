import { useI18n } from '../../i18n/i18n.tsx'
import type { EditionSummary, TextStatus } from './types.ts'
import { langName, officeDateTime } from './words.ts'

// A mark besides the words, for who scans the list: never the only sign of the state.
const MARKS: Record<TextStatus, string> = { needs_translation: '!', draft: '✎', reviewed: '✓' }

/** Where an edition stands, in words, with its publication time on Mexico City's clock. */
export function EditionStatusLine({ edition }: { edition: Pick<EditionSummary, 'status' | 'publishAt'> }) {
  const { t, lang } = useI18n()
  const when = edition.publishAt === undefined ? '' : officeDateTime(edition.publishAt, lang)
  return (
    <p className={`guide-status guide-status-${edition.status}`} data-testid="edition-status">
      <span className="guide-status-word">{t(`guide.status.${edition.status}`)}</span>
      {edition.publishAt !== undefined ? <span> · {t(`guide.status.${edition.status}.when`, { when })}</span> : null}
    </p>
  )
}

/** Per language, how many sections are reviewed of all: "Kreyòl: 9 de 12 revisadas". */
export function TranslationProgress({ edition }: { edition: Pick<EditionSummary, 'langs' | 'translations'> }) {
  const { t, lang } = useI18n()
  return (
    <ul className="guide-progress" aria-label={t('guide.progress')} data-testid="translation-progress">
      {edition.langs.map((code) => {
        const counts = edition.translations[code] ?? { needs_translation: 0, draft: 0, reviewed: 0 }
        const total = counts.needs_translation + counts.draft + counts.reviewed
        return (
          <li key={code} data-lang={code}>
            <span className="guide-progress-text">{t('guide.progress.lang', { lang: langName(code, lang), reviewed: counts.reviewed, total })}</span>
            <meter className="guide-meter" min={0} max={Math.max(total, 1)} value={counts.reviewed} aria-hidden="true" />
          </li>
        )
      })}
    </ul>
  )
}

/** A text's state as a badge with its words and a mark: needs translation, draft, reviewed. */
export function TextBadge({ status }: { status: TextStatus }) {
  const { t } = useI18n()
  return (
    <span className={`guide-badge guide-badge-${status}`} data-testid="text-status">
      <span aria-hidden="true">{MARKS[status]} </span>
      {t(`guide.text.${status}`)}
    </span>
  )
}

/** Moves the focus to the page's heading, after the screen changed under the person. */
export function focusPageHeading(): void {
  const heading = document.querySelector<HTMLElement>('.page-head h1')
  if (heading !== null) {
    heading.tabIndex = -1
    heading.focus()
  }
}
