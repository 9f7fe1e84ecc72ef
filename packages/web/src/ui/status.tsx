import { useEffect, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { errorText } from './error-text.ts'

export function Loading() {
  const { t } = useI18n()
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('app.loading')}
    </p>
  )
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n()
  return (
    <div className="notice notice-error" role="alert">
      <p>{errorText(error, t)}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  )
}

export function Page({ title, intro, children, testId }: { title: string; intro?: ReactNode; children?: ReactNode; testId?: string }) {
  useDocumentTitle(title)
  return (
    <section className="page" data-testid={testId}>
      <header className="page-head">
        <h1>{title}</h1>
        {intro ? <p className="page-intro">{intro}</p> : null}
      </header>
      {children}
    </section>
  )
}

export function Badges({ priority, demo, review }: { priority?: boolean; demo?: boolean; review?: boolean }) {
  const { t } = useI18n()
  return (
    <>
      {review ? (
        <span className="badge badge-review" title={t('review.badgeTitle')}>
          {t('review.badge')}
        </span>
      ) : null}
      {priority ? (
        <span className="badge badge-priority" title={t('app.priorityTitle')}>
          {t('app.priority')}
        </span>
      ) : null}
      {demo ? (
        <span className="badge badge-demo" title={t('app.demoTitle')}>
          {t('app.demo')}
        </span>
      ) : null}
    </>
  )
}

/** The "load more" footer of a paged list. */
export function MoreButton({ shown, hasMore, loading, onMore }: { shown: number; hasMore: boolean; loading: boolean; onMore: () => void }) {
  const { t } = useI18n()
  return (
    <div className="list-footer">
      <p className="muted">{t('app.shown', { count: shown })}</p>
      {hasMore ? (
        <button type="button" className="button button-secondary" onClick={onMore} disabled={loading}>
          {loading ? t('app.loading') : t('app.loadMore')}
        </button>
      ) : null}
    </div>
  )
}

/** A row of buttons or button-like links that wraps on narrow screens. */
export function Actions({ children }: { children: ReactNode }) {
  return <div className="actions">{children}</div>
}

/** Names the browser tab and window after the page, so each page is identifiable (WCAG 2.4.2). */
export function useDocumentTitle(title: string): void {
  const { t } = useI18n()
  const app = t('app.name')
  useEffect(() => {
    document.title = title === app ? app : `${title} · ${app}`
  }, [title, app])
}
