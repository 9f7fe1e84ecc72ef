/**
 * Registers the app-shell service worker of a production build. The dev server has no sw.js,
 * and a worker left over from a build would serve stale files to it.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) {
    return
  }
  const register = () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).catch((error: unknown) => {
      // The app works without it; only offline start is lost.
      console.warn('service worker registration failed', error)
    })
  }
  // Wait for the page to finish loading so the worker's downloads do not compete with it.
  if (document.readyState === 'complete') {
    register()
  } else {
    window.addEventListener('load', register, { once: true })
  }
}

/**
 * Asks the service worker to keep field mode ready offline: only for accounts that use it, so a
 * visit to the login page or an office screen does not download the field bundle. Repeating it
 * is cheap: files already cached are skipped.
 */
export function precacheFieldMode(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) {
    return
  }
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'faro:precache-field' }))
}
