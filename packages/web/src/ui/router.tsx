import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'

// The app lives under Vite's base (/app/); routes are the path below it, without slashes.
const BASE = import.meta.env.BASE_URL
const CHANGE = 'faro:navigate'

/** The current route: '' for home, else the first path segment below the base. */
export function useRoute(): string {
  return useSyncExternalStore(subscribeToLocation, currentRoute, () => '')
}

export function navigate(route: string): void {
  const url = hrefOf(route)
  if (url !== location.pathname) {
    history.pushState(null, '', url)
    locationChanged()
  }
}

/** Tells the hooks that read the location (route, query parameters) that the app changed it. */
export function locationChanged(): void {
  window.dispatchEvent(new Event(CHANGE))
}

export function hrefOf(route: string): string {
  return `${BASE}${route}`
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string }

/** An ordinary link that navigates without a reload; modified clicks still open new tabs. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return
    }
    event.preventDefault()
    navigate(to)
  }
  return <a href={hrefOf(to)} onClick={handle} {...rest} />
}

/** Calls `onChange` when the location changes, by the app or by back and forward. */
export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(CHANGE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(CHANGE, onChange)
  }
}

function currentRoute(): string {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : ''
  return path.split('/')[0] ?? ''
}
