import { useNavigate, useRouter } from '@tanstack/react-router'
import { useCallback } from 'react'
import { writeSearch, type PageQuestion } from './page-state.ts'

/** Where a question's page is, as a link's address and as a move there. */
export interface StatsNav {
  href(q: PageQuestion): string
  go(q: PageQuestion): void
}

/** Links between statistics pages: every change of question is a new address, so Back goes back. */
export function useStatsNav(home: string): StatsNav {
  const router = useRouter()
  const navigate = useNavigate()
  const href = useCallback((q: PageQuestion) => router.history.createHref(router.buildLocation({ to: '/statistics', search: writeSearch(q, home) }).publicHref), [router, home])
  const go = useCallback((q: PageQuestion) => void navigate({ to: '/statistics', search: writeSearch(q, home) }), [navigate, home])
  return { href, go }
}
