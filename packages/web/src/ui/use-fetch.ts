import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { api } from '../api/client.ts'

export type FetchState<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: unknown }

/**
 * GETs a path through the app's server-state cache (TanStack Query): the answer is shared by
 * every screen that asks for the same path, a screen opened again shows it at once while a fresh
 * one is fetched, and a request left behind by a change of path is cancelled so it never wins.
 */
export function useFetch<T>(path: string | null): FetchState<T> & { reload(): Promise<void> } {
  const query = useQuery({
    queryKey: ['api', path],
    queryFn: ({ signal }) => api<T>(path ?? '', { signal }),
    enabled: path !== null,
  })
  const { refetch } = query
  // Resolves once the fresh answer is on screen, so a change can be confirmed after it shows.
  const reload = useCallback(async () => {
    await refetch()
  }, [refetch])
  if (query.isError) {
    return { status: 'error', error: query.error, reload }
  }
  if (query.data === undefined) {
    return { status: 'loading', reload }
  }
  return { status: 'ok', data: query.data, reload }
}

/** Marks every cached answer under a path prefix as stale, after a change made there. */
export function useInvalidate(): (prefix: string) => Promise<void> {
  const client = useQueryClient()
  return useCallback(
    (prefix: string) => client.invalidateQueries({ predicate: (q) => q.queryKey.some((part) => typeof part === 'string' && part.startsWith(prefix)) }),
    [client],
  )
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
  const query = useInfiniteQuery({
    queryKey: ['api-pages', path],
    queryFn: ({ pageParam, signal }) => api<{ items: T[]; next: string | null }>(pageParam ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(pageParam)}` : path, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  })
  const { fetchNextPage, refetch } = query
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    status: query.isError ? 'error' : query.data === undefined || query.isFetchingNextPage ? 'loading' : 'ok',
    error: query.error ?? undefined,
    hasMore: query.hasNextPage,
    loadMore: () => void fetchNextPage(),
    reload: () => void refetch(),
  }
}
