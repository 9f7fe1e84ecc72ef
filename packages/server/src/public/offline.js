// "Read without signal" on the Paisano guide's pages and the states' help pages (offline.ts). The
// pages work without this script: it only shows the box, says what is kept, and on a tap
// registers the service worker (/sw.js) for this language's folder and asks it to keep the pages
// data-paths names (and this state's page, data-state), to answer them when there is no signal.
// It fetches nothing itself. Its words come from the box's data attributes, in the page's language.
'use strict'
;(function () {
  var box = document.getElementById('offline')
  if (!box || !('serviceWorker' in navigator) || !('caches' in window)) {
    return
  }
  var d = box.dataset
  var save = box.querySelector('[data-save]')
  var clear = box.querySelector('[data-clear]')
  var status = box.querySelector('[role=status]')
  var scope = '/' + d.lang + '/'
  // The worker keeps the pages in this cache: the same name in sw.js.
  var name = 'faro-site-v1-' + d.lang
  var guide = d.guide.split(' ')
  var tag = document.documentElement.lang
  var plural = function (key, n) {
    var form = 'other'
    try {
      form = new Intl.PluralRules(tag).select(n)
    } catch {
      // A browser with no plural rules says "other".
    }
    var words = d[key + form.charAt(0).toUpperCase() + form.slice(1)] || d[key + 'Other']
    return words.replace('{n}', String(n))
  }
  var say = function (text) {
    status.textContent = text
  }
  var saved = function () {
    return caches.has(name).then(function (has) {
      return has
        ? caches.open(name).then(function (cache) {
            return cache.keys()
          })
        : []
    })
  }
  // What is kept, in words: the guide's pages, this state's, and how many other states.
  var tell = function () {
    return saved().then(function (keys) {
      var paths = keys.map(function (k) {
        return new URL(k.url).pathname
      })
      var pages = guide.filter(function (p) {
        return paths.indexOf(p) >= 0
      }).length
      var states = paths.filter(function (p) {
        return p.indexOf(scope + 'help/') === 0 && p !== d.state
      }).length
      var here = d.state !== undefined && paths.indexOf(d.state) >= 0
      clear.hidden = keys.length === 0
      if (keys.length === 0) {
        return say('')
      }
      say((here ? d.savedState : d.savedGuide).replace('{pages}', plural('pages', pages)) + (states > 0 ? ' ' + plural('more', states) : ''))
    })
  }
  save.addEventListener('click', function () {
    save.disabled = true
    say(d.saving)
    // The worker fetches and keeps them (this page's policy lets it fetch nothing itself).
    var wanted = d.paths.split(' ').concat(d.state === undefined ? [] : [d.state])
    navigator.serviceWorker
      .register('/sw.js', { scope: scope })
      .then(function () {
        return navigator.serviceWorker.ready
      })
      .then(function (registration) {
        return new Promise(function (resolve, reject) {
          var channel = new MessageChannel()
          channel.port1.onmessage = function (event) {
            ;(event.data === true ? resolve : reject)()
          }
          registration.active.postMessage({ save: wanted }, [channel.port2])
        })
      })
      .then(tell, function () {
        say(d.failed)
      })
      .then(function () {
        save.disabled = false
      })
  })
  clear.addEventListener('click', function () {
    caches
      .delete(name)
      .then(function () {
        return navigator.serviceWorker.getRegistration(scope)
      })
      .then(function (registration) {
        return registration && registration.scope === location.origin + scope && registration.unregister()
      })
      .then(function () {
        clear.hidden = true
        say(d.cleared)
        save.focus()
      })
  })
  // Shown once the saved pages can be read (a browser may refuse the cache, in a private window).
  tell().then(
    function () {
      box.hidden = false
    },
    function () {
      // It stays hidden: nothing could be kept here.
    },
  )
})()
