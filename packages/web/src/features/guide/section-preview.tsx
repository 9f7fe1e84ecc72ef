import { useId, useRef, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { previewPath } from './guide-api.ts'
import type { Edition } from './types.ts'
import { isSiteLang } from './words.ts'

/**
 * The section as the site will show it, in the site's own server-rendered page (no script): at a
 * phone's 360 px, or at the width of an A4 sheet with the site's print layout a button prints.
 * It shows the text as saved, and reloads with each saved version.
 */
export function SectionPreview({ edition, slug, lang: code, title, language }: { edition: Edition; slug: string; lang: string; title: string; language: string }) {
  const { t } = useI18n()
  const headingId = useId()
  const frame = useRef<HTMLIFrameElement>(null)
  const [paper, setPaper] = useState(false)
  const isPublic = isSiteLang(code)
  return (
    <section className="guide-preview" aria-labelledby={headingId} data-testid="section-preview">
      <h2 id={headingId}>{t('guide.preview.title')}</h2>
      {!isPublic ? (
        <p className="notice" data-testid="preview-not-public">
          {t('guide.preview.notPublic', { lang: language })}
        </p>
      ) : (
        <>
          <p className="muted small">{t(paper ? 'guide.preview.paperHint' : 'guide.preview.phoneHint')}</p>
          <div className="actions">
            <button type="button" className="button button-secondary" aria-pressed={paper} onClick={() => setPaper(!paper)} data-testid="preview-paper">
              {t('guide.preview.paper')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => frame.current?.contentWindow?.print()} data-testid="preview-print">
              {t('guide.preview.print')}
            </button>
          </div>
          <div className={paper ? 'guide-frame-box guide-frame-box-paper' : 'guide-frame-box'}>
            <iframe
              ref={frame}
              key={edition.version}
              className={paper ? 'guide-frame guide-frame-paper' : 'guide-frame'}
              src={previewPath(edition.recordId, code, slug)}
              title={t('guide.preview.frame', { title, lang: language })}
              data-testid="preview-frame"
            />
          </div>
        </>
      )}
    </section>
  )
}
