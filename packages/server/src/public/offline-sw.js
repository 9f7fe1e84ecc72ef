// The public site's service worker (offline.ts serves it as /sw.js), registered by offline.js only
// when a visitor taps "save", once per language with that language's folder as its scope (/es/…),
// so it never sees the staff app (/app/, which has its own worker) or the API. It keeps only what
// the visitor asked to save, and answers from it. Navigations go to the network first;
// with no network, the saved copy answers, and for a page not saved, the saved "no signal" page.
'use strict'
var VERSION = 'v1'
var LANG = new URL(self.registration.scope).pathname.split('/')[1]
// The page script saves into this same cache.
var NAME = 'faro-site-' + VERSION + '-' + LANG
var OPTIONS = { ignoreVary: true }

self.addEventListener('install', function () {
  self.skipWaiting()
})

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        // Only this site's caches of an older version: never the staff app's (faro-shell-…).
        return Promise.all(
          names
            .filter(function (n) {
              return n.indexOf('faro-site-') === 0 && n.indexOf('faro-site-' + VERSION + '-') !== 0
            })
            .map(function (n) {
              return caches.delete(n)
            }),
        )
      })
      .then(function () {
        return self.clients.claim()
      }),
  )
})

// A page's "save" (offline.js): its paths, kept all or none; states' pages kept before are brought
// up to date too, and what the site no longer has is let go. Only this folder's pages and the
// site's scripts: never anything else, whoever asks.
self.addEventListener('message', function (event) {
  var paths = event.data && event.data.save
  var port = event.ports[0]
  var mine = function (p) {
    return typeof p === 'string' && (p.indexOf('/' + LANG + '/') === 0 || p.indexOf('/public/') === 0) && p.indexOf('//') < 0
  }
  if (!Array.isArray(paths) || !port) {
    return
  }
  var fresh = function (p) {
    return new Request(p, { cache: 'no-cache', credentials: 'omit' })
  }
  var states = '/' + LANG + '/help/'
  event.waitUntil(
    caches
      .open(NAME)
      .then(function (cache) {
        if (!paths.every(mine)) {
          throw new Error('not this site\'s pages')
        }
        return cache
          .addAll(paths.map(fresh))
          .then(function () {
            return cache.keys()
          })
          .then(function (keys) {
            return Promise.all(
              keys.map(function (k) {
                var p = new URL(k.url).pathname + new URL(k.url).search
                if (paths.indexOf(p) >= 0) {
                  return null
                }
                return p.indexOf(states) === 0
                  ? cache.add(fresh(p)).catch(function () {
                      return cache.delete(k)
                    })
                  : cache.delete(k)
              }),
            )
          })
      })
      .then(
        function () {
          port.postMessage(true)
        },
        function () {
          port.postMessage(false)
        },
      ),
  )
})

self.addEventListener('fetch', function (event) {
  var request = event.request
  var url = new URL(request.url)
  // Only reading: a form's answer (a POST) and the API are never kept nor answered here.
  if (request.method !== 'GET' || url.origin !== location.origin || /^\/(api|app)(\/|$)/.test(url.pathname)) {
    return
  }
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).then(
        function (response) {
          // A saved page seen again is kept up to date; nothing else is kept.
          if (response.status === 200 && !response.redirected) {
            var copy = response.clone()
            event.waitUntil(
              caches.open(NAME).then(function (cache) {
                return cache.match(url.href, OPTIONS).then(function (old) {
                  return old && cache.put(url.href, copy)
                })
              }),
            )
          }
          return response
        },
        function () {
          return caches.open(NAME).then(function (cache) {
            return cache.match(url.href, OPTIONS).then(function (saved) {
              return saved || cache.match('/' + LANG + '/offline', OPTIONS).then(function (notice) {
                return notice || Response.error()
              })
            })
          })
        },
      ),
    )
  } else if (url.pathname.indexOf('/public/') === 0) {
    // The saved pages' own scripts ("near me" works with no signal too).
    event.respondWith(
      fetch(request).catch(function () {
        return caches.match(request, { ignoreVary: true, cacheName: NAME }).then(function (saved) {
          return saved || Response.error()
        })
      }),
    )
  }
})
