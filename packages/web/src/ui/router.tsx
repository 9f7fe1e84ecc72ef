import { Link as RouterLink, useRouter, useRouterState } from '@tanstack/react-router'
import { useCallback, type AnchorHTMLAttributes } from 'react'

// The app lives under Vite's base (/app/); a route is the path below it, '' for home.

/** The first path segment below the base: which page of the navigation is open. */
export function useRoute(): string {
  return useRouterState({ select: (state) => state.location.pathname.split('/').filter(Boolean)[0] ?? '' })
}

/** Navigation from code (after a sign-out, a save): `go('capture')`, `go('')` for home. */
export function useGo(): (route: string) => void {
  const router = useRouter()
  return useCallback((route: string) => void router.navigate({ to: `/${route}` }), [router])
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string }

/**
 * A link to a page of the app by its path below the base (`to="field"`, `to="records/attention/x"`):
 * navigates without a reload; modified clicks still open new tabs.
 */
export function Link({ to, ...rest }: LinkProps) {
  return <RouterLink to={`/${to}`} {...rest} />
}
