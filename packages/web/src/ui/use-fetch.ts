import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../api/client.ts'

export type FetchState<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: unknown }

/** GETs a path when it changes; aborts the previous request so a slow answer never wins. */
export function useFetch<T>(path: string | null): FetchState<T> & { reload(): void } {
  const [state, setState] = useState<FetchState<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (path === null) {
      return
    }
    const controller = new AbortController()
    setState({ status: 'loading' })
    api<T>(path, { signal: controller.signal }).then(
      (data) => setState({ status: 'ok', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', error })
        }
      },
    )
    return () => controller.abort()
  }, [path, attempt])
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, reload }
}

export interface Paged<T> {
  items: T[]
  status: 'loading' | 'ok' | 'error'
  error: unknown
  hasMore: boolean
  loadMore(): void
  reload(): void
}

/** Pages through a list endpoint that answers `{items, next}` and takes `cursor`. */
export function usePaged<T>(path: string): Paged<T> {
  const [items, setItems] = useState<T[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [status, setStatus] = useState<Paged<T>['status']>('loading')
  const [error, setError] = useState<unknown>(undefined)
  const [attempt, setAttempt] = useState(0)
  const controller = useRef<AbortController | null>(null)

  const fetchPage = useCallback(
    (cursor: string | null) => {
      controller.current?.abort()
      const current = new AbortController()
      controller.current = current
      setStatus('loading')
      const url = cursor ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : path
      api<{ items: T[]; next: string | null }>(url, { signal: current.signal }).then(
        (page) => {
          setItems((old) => (cursor ? [...old, ...page.items] : page.items))
          setNext(page.next)
          setStatus('ok')
        },
        (e: unknown) => {
          if (!current.signal.aborted) {
            setError(e)
            setStatus('error')
          }
        },
      )
    },
    [path],
  )

  useEffect(() => {
    setItems([])
    setNext(null)
    fetchPage(null)
    return () => controller.current?.abort()
  }, [fetchPage, attempt])

  return {
    items,
    status,
    error,
    hasMore: next !== null,
    loadMore: () => fetchPage(next),
    reload: () => setAttempt((n) => n + 1),
  }
}
