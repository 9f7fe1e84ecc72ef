import { RecordId } from '@faro/core'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useCallback, useMemo } from 'react'
import { liveRoute } from '../../router.tsx'
import { LIVE_TYPES, type LiveType } from './record-rows.ts'

/** The record whose review panel is open: all the URL names, never anything about people. */
export interface ReviewTarget {
  type: LiveType
  recordId: string
}

/** The query parameter of the open review panel: `?review=<recordType>/<recordId>`. */
export const REVIEW_PARAM = 'review'

/** The panel a query string names, or undefined when it names none or something malformed. */
export function parseReviewTarget(search: string): ReviewTarget | undefined {
  const value = new URLSearchParams(search).get(REVIEW_PARAM)
  if (!value) {
    return undefined
  }
  const slash = value.indexOf('/')
  const type = LIVE_TYPES.find((t) => t === value.slice(0, slash))
  const recordId = value.slice(slash + 1)
  if (slash < 0 || !type || !RecordId.safeParse(recordId).success) {
    return undefined
  }
  return { type, recordId }
}

/** The query string with `target`'s panel open (or none), other parameters kept. */
export function withReviewTarget(search: string, target: ReviewTarget | undefined): string {
  const params = new URLSearchParams(search)
  params.delete(REVIEW_PARAM)
  const rest = params.toString()
  // Written out rather than through URLSearchParams, which would escape the slash; types and
  // record ids are letters, digits, dashes and underscores, which need no escaping.
  const review = target ? `${REVIEW_PARAM}=${target.type}/${target.recordId}` : ''
  const query = [rest, review].filter(Boolean).join('&')
  return query ? `?${query}` : ''
}

/**
 * The open review panel, kept in the URL so a coordinator can reload or share it and back and
 * forward open and close it. `replace` is for a panel that closes itself (the record was
 * reviewed): going back to it would show a record that no longer waits.
 */
export function useReviewTarget(): [ReviewTarget | undefined, (next: ReviewTarget | undefined, how?: 'push' | 'replace') => void] {
  const { review } = useSearch({ from: liveRoute.id })
  const navigate = useNavigate({ from: liveRoute.fullPath })
  const target = useMemo(() => parseReviewTarget(review ? `?${REVIEW_PARAM}=${review}` : ''), [review])
  const setTarget = useCallback(
    (next: ReviewTarget | undefined, how: 'push' | 'replace' = 'push') => {
      void navigate({ search: next ? { review: `${next.type}/${next.recordId}` } : {}, replace: how === 'replace' })
    },
    [navigate],
  )
  return [target, setTarget]
}
