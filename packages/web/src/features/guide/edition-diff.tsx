import { useEffect, useId, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { focusPageHeading } from './edition-words.tsx'
import { editionPath } from './guide-api.ts'
import { GuideLink } from './guide-link.tsx'
import type { DiffPart, Edition, EditionDiff, EditionSummary } from './types.ts'
import { condense, diffSummary, visibleChanges } from './changes.ts'
import { langName, sectionTitle } from './words.ts'

/**
 * What changed in an edition from another (by default the one it was copied from): per section
 * and language, the words added and removed, marked for the eye and, in words, for screen readers.
 */
export function EditionDiffView({ edition, others }: { edition: Edition; others: readonly EditionSummary[] }) {
  const { t, lang } = useI18n()
  const againstId = useId()
  const langId = useId()
  const [against, setAgainst] = useState(edition.basedOn ?? others[0]?.recordId ?? '')
  const [only, setOnly] = useState('')
  useEffect(focusPageHeading, [])
  const diff = useFetch<EditionDiff>(against === '' ? null : `${editionPath(edition.recordId)}/diff?against=${encodeURIComponent(against)}${only === '' ? '' : `&lang=${only}`}`)
  const older = useFetch<Edition>(against === '' ? null : editionPath(against))
  const name = t(`guide.season.${edition.season}`, { year: edition.year })
  const nameOf = (e: Pick<EditionSummary, 'season' | 'year'>) => t(`guide.season.${e.season}`, { year: e.year })
  const titleOf = (slug: string) => {
    const section = edition.sections.find((s) => s.slug === slug) ?? (older.status === 'ok' ? older.data.sections.find((s) => s.slug === slug) : undefined)
    return (section === undefined ? undefined : sectionTitle(section)) ?? t('guide.section.noTitle')
  }
  return (
    <Page title={t('guide.diff.title', { name })} testId="edition-diff">
      <p className="guide-back">
        <GuideLink to={{ edition: edition.recordId }}>
          <span aria-hidden="true">← </span>
          {t('guide.back.edition', { name })}
        </GuideLink>
      </p>
      <div className="guide-diff-choice">
        <div className="field">
          <label htmlFor={againstId}>{t('guide.diff.against')}</label>
          <select id={againstId} value={against} onChange={(e) => setAgainst(e.target.value)}>
            {against === '' ? <option value="">{t('guide.diff.choose')}</option> : null}
            {others.map((e) => (
              <option key={e.recordId} value={e.recordId}>
                {nameOf(e)}
                {e.recordId === edition.basedOn ? ` ${t('guide.diff.copiedFrom')}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={langId}>{t('guide.diff.lang')}</label>
          <select id={langId} value={only} onChange={(e) => setOnly(e.target.value)}>
            <option value="">{t('guide.diff.allLangs')}</option>
            {edition.langs.map((code) => (
              <option key={code} value={code}>
                {langName(code, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {against === '' ? <p className="notice">{t('guide.diff.none')}</p> : null}
      {diff.status === 'loading' && against !== '' ? <Loading /> : null}
      {diff.status === 'error' ? <ErrorNotice error={diff.error} onRetry={() => void diff.reload()} /> : null}
      {diff.status === 'ok' ? <DiffBody diff={diff.data} titleOf={titleOf} newer={edition} older={older.status === 'ok' ? older.data : undefined} /> : null}
    </Page>
  )
}

function DiffBody({ diff, titleOf, newer, older }: { diff: EditionDiff; titleOf: (slug: string) => string; newer: Edition; older: Edition | undefined }) {
  const { t, lang } = useI18n()
  const counts = diffSummary(diff)
  const shown = visibleChanges(diff)
  const same = diff.sections.filter((s) => !shown.includes(s))
  return (
    <>
      <p role="status" data-testid="diff-summary">
        {t('guide.diff.summary', counts)}
      </p>
      {shown.map((s) => (
        <section key={s.slug} className="card guide-diff-section" aria-labelledby={`diff-${s.slug}`} data-testid="diff-section" data-slug={s.slug}>
          <h2 id={`diff-${s.slug}`}>
            {titleOf(s.slug)} <span className={`guide-change guide-change-${s.change}`}>{t(`guide.change.${s.change}`)}</span>
          </h2>
          {s.langs
            .filter((l) => l.change !== 'same')
            .map((l) => {
              const text = (e: Edition | undefined) => e?.sections.find((x) => x.slug === s.slug)?.texts[l.lang]?.markdown ?? ''
              const parts: DiffPart[] = l.change === 'added' ? [{ kind: 'added', text: text(newer) }] : l.change === 'removed' ? [{ kind: 'removed', text: text(older) }] : l.parts
              return (
                <div key={l.lang} className="guide-diff-lang" data-lang={l.lang}>
                  <h3>{langName(l.lang, lang)}</h3>
                  {l.from !== undefined && l.to !== undefined && l.from !== l.to ? <p className="muted">{t('guide.diff.status', { from: t(`guide.text.${l.from}`), to: t(`guide.text.${l.to}`) })}</p> : null}
                  <DiffText parts={parts} lang={l.lang} />
                </div>
              )
            })}
          <StateChanges langs={s.langs.filter((l) => l.change === 'same' && l.from !== l.to)} />
        </section>
      ))}
      {same.length > 0 ? (
        <section aria-labelledby="diff-same" className="guide-block">
          <h2 id="diff-same">{t('guide.diff.unchanged', { count: same.length })}</h2>
          <ul className="guide-same">
            {same.map((s) => (
              <li key={s.slug}>{titleOf(s.slug)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

/** Languages whose text stayed the same but whose state changed, one line each. */
function StateChanges({ langs }: { langs: EditionDiff['sections'][number]['langs'] }) {
  const { t, lang } = useI18n()
  if (langs.length === 0) {
    return null
  }
  return (
    <ul className="guide-diff-states">
      {langs.map((l) => (
        <li key={l.lang} data-lang={l.lang}>
          {t('guide.diff.stateOnly', { lang: langName(l.lang, lang), from: t(`guide.text.${l.from ?? 'needs_translation'}`), to: t(`guide.text.${l.to ?? 'needs_translation'}`) })}
        </li>
      ))}
    </ul>
  )
}

/** The text word by word: what stayed, what was added (ins) and removed (del), said in words too. */
function DiffText({ parts, lang: code }: { parts: readonly DiffPart[]; lang: string }) {
  const { t } = useI18n()
  return (
    <p className="guide-diff-text" lang={code} data-testid="diff-text">
      {condense(parts).map((p, i) =>
        p.kind === 'gap' ? (
          <span key={i} className="guide-diff-gap">
            <span aria-hidden="true">⋯</span>
            <span className="visually-hidden">{t('guide.diff.gap')}</span>
            {'\n'}
          </span>
        ) : p.kind === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">[{t('guide.diff.added')}: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : p.kind === 'removed' ? (
          <del key={i}>
            <span className="visually-hidden">[{t('guide.diff.removed')}: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  )
}
