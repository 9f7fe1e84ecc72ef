/**
 * The app-shell service worker: precaches what the staff app needs to start without a network
 * (the shell) and, for accounts that use field mode, field mode with everything it loads on
 * demand; other screens' files are cached when first used. It never touches /api/: data must
 * come from the server, and field mode keeps its own outbox in IndexedDB.
 */

// Replaced at build time by vite.config.ts with {"version", "shell", "field"} of this build.
const MANIFEST = '__FARO_SW_MANIFEST__'

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request
  respondWith(response: Promise<Response>): void
}
interface MessageEventLike extends ExtendableEventLike {
  readonly data: unknown
}
interface ServiceWorkerScopeLike {
  readonly registration: { readonly scope: string }
  readonly clients: { claim(): Promise<void> }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void
}

// lib.dom has no ServiceWorkerGlobalScope, and the web worker lib would clash with it.
const sw = self as unknown as ServiceWorkerScopeLike
const CACHE_PREFIX = 'faro-shell-'
/** The message the app sends for field mode; pwa/register.ts sends the same text. */
const FIELD_MESSAGE = 'faro:precache-field'
const build: { version: string; shell: string[]; field: string[] } = JSON.parse(MANIFEST)
const cacheName = `${CACHE_PREFIX}${build.version}`
const scope = new URL(sw.registration.scope)
// Remembers, across updates of the worker, that this browser's account uses field mode.
const PREFS_CACHE = 'faro-prefs'
const fieldWanted = new URL('__faro_field_mode__', scope).href
const shellUrl = new URL('index.html', scope).href
// On a link that connects but never answers (a weak 2G cell), wait this long for a fresh shell
// before starting from the cached one, rather than until the browser gives up minutes later.
const NAVIGATION_TIMEOUT_MS = 4000

sw.addEventListener('install', (event) => {
  event.waitUntil(precache())
})

// The app asks once it knows the account uses field mode (see pwa/register.ts).
sw.addEventListener('message', (event) => {
  if (isFieldRequest(event.data)) {
    event.waitUntil(rememberFieldMode().then(precacheField))
  }
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
  await cache.addAll(build.shell.map((file) => new URL(file, scope).href))
  // An update must not leave a field phone unable to start offline.
  if (await (await caches.open(PREFS_CACHE)).match(fieldWanted)) {
    await precacheField()
  }
}

async function precacheField(): Promise<void> {
  const cache = await caches.open(cacheName)
  const urls = build.field.map((file) => new URL(file, scope).href)
  const missing = (await Promise.all(urls.map(async (url) => ((await cache.match(url)) ? undefined : url)))).filter((url) => url !== undefined)
  await cache.addAll(missing)
}

async function rememberFieldMode(): Promise<void> {
  await (await caches.open(PREFS_CACHE)).put(fieldWanted, new Response('1'))
}

function isFieldRequest(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === FIELD_MESSAGE
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
