/**
 * The app-shell service worker: precaches index.html, the hashed assets (every lazy chunk,
 * field mode and Leaflet included) and the public files (the map outline among them) of one
 * build so the staff app starts without a network. It never touches /api/: data must come from
 * the server, and field mode keeps its own outbox in IndexedDB.
 */

// Replaced at build time by vite.config.ts with {"version", "files"} of this build.
const MANIFEST = '__FARO_SW_MANIFEST__'

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request
  respondWith(response: Promise<Response>): void
}
interface ServiceWorkerScopeLike {
  readonly registration: { readonly scope: string }
  readonly clients: { claim(): Promise<void> }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void
}

// lib.dom has no ServiceWorkerGlobalScope, and the web worker lib would clash with it.
const sw = self as unknown as ServiceWorkerScopeLike
const CACHE_PREFIX = 'faro-shell-'
const build: { version: string; files: string[] } = JSON.parse(MANIFEST)
const cacheName = `${CACHE_PREFIX}${build.version}`
const scope = new URL(sw.registration.scope)
const shellUrl = new URL('index.html', scope).href
// On a link that connects but never answers (a weak 2G cell), wait this long for a fresh shell
// before starting from the cached one, rather than until the browser gives up minutes later.
const NAVIGATION_TIMEOUT_MS = 4000

sw.addEventListener('install', (event) => {
  event.waitUntil(precache())
})

sw.addEventListener('activate', (event) => {
  event.waitUntil(dropOldCaches().then(() => sw.clients.claim()))
})

sw.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) {
    return
  }
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstShell(request))
    return
  }
  event.respondWith(cacheFirst(request))
})

async function precache(): Promise<void> {
  const cache = await caches.open(cacheName)
  await cache.addAll(build.files.map((file) => new URL(file, scope).href))
}

async function dropOldCaches(): Promise<void> {
  const names = await caches.keys()
  await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== cacheName).map((n) => caches.delete(n)))
}

/**
 * Navigations go to the network so a new deployment is seen at once; offline, or when the
 * network is too slow to answer, the cached shell answers.
 */
async function networkFirstShell(request: Request): Promise<Response> {
  const network = fetch(request)
  const slow = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), NAVIGATION_TIMEOUT_MS))
  try {
    const response = await Promise.race([network, slow])
    if (response) {
      return response
    }
  } catch {
    // Offline: fall through to the cache.
  }
  const cached = await caches.match(shellUrl)
  return cached ?? network
}

/** Hashed assets never change, so the cached copy is always right. */
async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request)
  if (cached) {
    return cached
  }
  const response = await fetch(request)
  if (response.ok && new URL(request.url).pathname.startsWith(`${scope.pathname}assets/`)) {
    const cache = await caches.open(cacheName)
    await cache.put(request, response.clone())
  }
  return response
}
