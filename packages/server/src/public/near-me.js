// "Help near me" on the public help pages (near-me.ts). The page works without this script: it
// only shows the button, asks the browser for the position when pressed, and lists the nearest
// help points from the page's own list items (their data-lat and data-lon), computed here. The
// position is never sent anywhere: this script makes no request.
'use strict'
;(function () {
  var box = document.getElementById('near')
  if (!box || !('geolocation' in navigator)) {
    return
  }
  var button = box.querySelector('button')
  var status = box.querySelector('[role=status]')
  var list = box.querySelector('ol')
  var template = document.getElementById('near-points')
  var source = template && template.content ? template.content : document
  var points = Array.prototype.slice.call(source.querySelectorAll('li[data-lat]'))
  if (!button || !status || !list || points.length === 0) {
    return
  }
  var lang = document.documentElement.lang
  var km = function (d) {
    var n
    try {
      n = new Intl.NumberFormat(lang, { maximumFractionDigits: d < 10 ? 1 : 0 }).format(d)
    } catch {
      n = d < 10 ? d.toFixed(1) : String(Math.round(d))
    }
    return box.dataset.km.replace('{n}', n)
  }
  var rad = Math.PI / 180
  var distance = function (lat1, lon1, lat2, lon2) {
    var a = Math.pow(Math.sin(((lat2 - lat1) * rad) / 2), 2) + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.pow(Math.sin(((lon2 - lon1) * rad) / 2), 2)
    return 12742 * Math.asin(Math.min(1, Math.sqrt(a)))
  }
  var say = function (text) {
    status.textContent = text
  }
  button.addEventListener('click', function () {
    button.disabled = true
    say(box.dataset.wait)
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var lat = position.coords.latitude
        var lon = position.coords.longitude
        var nearest = points
          .map(function (li) {
            return { li: li, d: distance(lat, lon, Number(li.dataset.lat), Number(li.dataset.lon)) }
          })
          .sort(function (a, b) {
            return a.d - b.d
          })
          .slice(0, Number(box.dataset.count) || 5)
        list.textContent = ''
        nearest.forEach(function (n) {
          var item = n.li.cloneNode(true)
          item.removeAttribute('data-lat')
          item.removeAttribute('data-lon')
          var far = document.createElement('span')
          far.className = 'km'
          far.textContent = km(n.d)
          item.insertBefore(far, item.firstChild)
          list.appendChild(item)
        })
        say(box.dataset.found)
        button.disabled = false
      },
      function (error) {
        say(error.code === 1 ? box.dataset.denied : box.dataset.failed)
        button.disabled = false
      },
      { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 },
    )
  })
  box.hidden = false
})()
