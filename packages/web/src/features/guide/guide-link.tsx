import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import type { GuideSearch } from '../../router.tsx'

/** A link to a place of the guide's screens: a real address (new tabs work), followed without a reload. */
export function GuideLink({ to, children, className, testId, label }: { to: GuideSearch; children: ReactNode; className?: string; testId?: string; label?: string }) {
  return (
    <Link to="/guide" search={to} className={className} data-testid={testId} aria-label={label}>
      {children}
    </Link>
  )
}
